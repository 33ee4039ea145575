// Argument maps are wide. Each <div class="argmap-figure"> holds a link to an SVG map
// drawn at build time; this script puts the SVG itself in a scrollable frame at a
// legible size, scrolls it to the central claim, and adds "fit" / "actual size" buttons.
// Without JavaScript (or from file://) the plain image link stays.
(function () {
  "use strict";
  var PX_PER_PT = 1.15;  // 10 pt node text shows at 11.5 px
  var MAX_ZOOM = 1.6;    // a small map may grow up to this much to fill the frame

  function thesis(svg) {
    var links = svg.querySelectorAll("a");
    for (var i = 0; i < links.length; i++) {
      var t = links[i].getAttribute("xlink:title") || links[i].getAttribute("title") || "";
      if (/\[central_claim\]$/.test(t)) return links[i];
    }
    return null;
  }

  function size(frame, svg, width) {
    var box = svg.viewBox.baseVal;
    svg.style.width = width + "px";
    svg.style.height = (width * box.height / box.width) + "px";
    var node = thesis(svg);
    if (node) {
      var f = frame.getBoundingClientRect(), n = node.getBoundingClientRect();
      frame.scrollLeft += (n.left + n.width / 2) - (f.left + f.width / 2);
      frame.scrollTop = 0;
    }
  }

  function setup(figure) {
    var img = figure.querySelector("img");
    if (!img || figure.dataset.ready) return;
    figure.dataset.ready = "1";
    fetch(img.src).then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (text) {
        var svg = new DOMParser().parseFromString(text, "image/svg+xml").documentElement;
        if (svg.nodeName !== "svg") return;
        var natural = parseFloat(svg.getAttribute("width")) * PX_PER_PT;
        svg.removeAttribute("width");
        svg.removeAttribute("height");
        svg.setAttribute("role", "img");
        svg.setAttribute("aria-label", img.alt);
        var frame = document.createElement("div");
        frame.className = "argmap-frame";
        frame.appendChild(document.importNode(svg, true));
        var live = frame.querySelector("svg");
        var bar = document.createElement("div");
        bar.className = "argmap-toolbar";
        function button(label, width) {
          var b = document.createElement("button");
          b.type = "button";
          b.className = "md-button";
          b.textContent = label;
          b.addEventListener("click", function () { size(frame, live, width()); });
          bar.appendChild(b);
        }
        button("Fit to width", function () { return frame.clientWidth - 2; });
        button("Actual size", function () { return natural; });
        var full = document.createElement("a");
        full.href = img.src;
        full.textContent = "Open the SVG";
        bar.appendChild(full);
        figure.replaceChildren(bar, frame);
        var room = frame.clientWidth - 2;
        size(frame, live, natural < room ? Math.min(room, natural * MAX_ZOOM) : natural);
      })
      .catch(function () { /* keep the image link */ });
  }

  function all() {
    document.querySelectorAll(".argmap-figure").forEach(setup);
  }
  if (typeof document$ !== "undefined") document$.subscribe(all);
  else document.addEventListener("DOMContentLoaded", all);
})();
