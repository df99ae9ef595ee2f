/* The reading-corner map: reads the corners from the json_script "corner-markers" and shows them with
   Leaflet. Without JavaScript the map stays hidden and the list below is the whole page. */
(function () {
  "use strict";
  var container = document.getElementById("corner-map");
  var data = document.getElementById("corner-markers");
  if (!container || !data || typeof L === "undefined") {
    return;
  }
  var markers = JSON.parse(data.textContent);
  if (!markers.length) {
    return;
  }
  container.hidden = false;
  var icon = L.icon({
    iconUrl: container.dataset.icon,
    iconRetinaUrl: container.dataset.iconRetina,
    shadowUrl: container.dataset.shadow,
    iconSize: [25, 41],
    iconAnchor: [12, 41],
    popupAnchor: [1, -34],
    shadowSize: [41, 41]
  });
  var map = L.map(container, { scrollWheelZoom: false });
  L.tileLayer(container.dataset.tiles, { maxZoom: 18, attribution: container.dataset.attribution }).addTo(map);
  var bounds = [];
  markers.forEach(function (corner) {
    var popup = document.createElement("div");
    var link = document.createElement("a");
    link.href = corner.url;
    link.textContent = corner.name;
    var host = document.createElement("div");
    host.textContent = corner.host;
    popup.appendChild(link);
    popup.appendChild(host);
    L.marker([corner.lat, corner.lng], { icon: icon, title: corner.name, alt: corner.name })
      .bindPopup(popup)
      .addTo(map);
    bounds.push([corner.lat, corner.lng]);
  });
  if (bounds.length === 1) {
    map.setView(bounds[0], 14);
  } else {
    map.fitBounds(bounds, { padding: [24, 24], maxZoom: 14 });
  }
})();
