/* The kecamatan map of the statistics: reads the areas from the json_script "kecamatan-markers" and draws a
   circle per kecamatan with Leaflet (bigger: more visits; darker: more reports). Without JavaScript the map
   stays hidden and the table beside it holds every number. */
(function () {
  "use strict";
  var container = document.getElementById("kecamatan-map");
  var data = document.getElementById("kecamatan-markers");
  if (!container || !data || typeof L === "undefined") {
    return;
  }
  var markers = JSON.parse(data.textContent);
  if (!markers.length) {
    return;
  }
  container.hidden = false;
  var map = L.map(container, { scrollWheelZoom: false });
  L.tileLayer(container.dataset.tiles, { maxZoom: 16, attribution: container.dataset.attribution }).addTo(map);
  var bounds = [];
  markers.forEach(function (area) {
    var popup = document.createElement("div");
    area.lines.forEach(function (text, index) {
      var line = document.createElement(index === 0 ? "strong" : "div");
      line.textContent = text;
      popup.appendChild(line);
    });
    L.circleMarker([area.lat, area.lng], {
      radius: 6 + Math.min(area.visits, 12) * 2,
      color: "#0b3a66",
      weight: 2,
      fillColor: "#b02a37",
      fillOpacity: area.reports_level
    })
      .bindPopup(popup)
      .bindTooltip(area.lines[0])
      .addTo(map);
    bounds.push([area.lat, area.lng]);
  });
  if (bounds.length === 1) {
    map.setView(bounds[0], 12);
  } else {
    map.fitBounds(bounds, { padding: [24, 24], maxZoom: 12 });
  }
})();
