// "Bruk min posisjon": finds the bydel from the device's position, in the browser only.
// The position is never sent anywhere: the boundaries are fetched from this site, without it.
(function () {
  var box = document.getElementById("hn-posisjon");
  if (!box || !navigator.geolocation || !window.fetch) { return; }
  var button = box.querySelector("button");
  var answer = box.querySelector("[aria-live]");
  box.hidden = false;

  function inside(point, ring) {
    var x = point[0], y = point[1], hit = false;
    for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      var xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
      if ((yi > y) !== (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) { hit = !hit; }
    }
    return hit;
  }

  function find(point, bydeler) {
    for (var b = 0; b < bydeler.length; b++) {
      var polygons = bydeler[b].polygoner;
      for (var p = 0; p < polygons.length; p++) {
        var rings = polygons[p];
        if (inside(point, rings[0]) && !rings.slice(1).some(function (hole) { return inside(point, hole); })) {
          return bydeler[b];
        }
      }
    }
    return null;
  }

  function say(text, link) {
    answer.textContent = text;
    if (link) {
      var a = document.createElement("a");
      a.href = link.href;
      a.textContent = link.text;
      answer.appendChild(document.createTextNode(" "));
      answer.appendChild(a);
    }
  }

  button.addEventListener("click", function () {
    say("Finner posisjonen din …");
    navigator.geolocation.getCurrentPosition(function (position) {
      var point = [position.coords.longitude, position.coords.latitude];
      fetch(box.getAttribute("data-grenser")).then(function (response) { return response.json(); })
        .then(function (data) {
          var bydel = find(point, data.bydeler);
          if (!bydel) {
            say("Du ser ikke ut til å være i Oslo nå. Finn nabolaget ditt i listen.");
          } else if (bydel.side) {
            say("Du er i " + bydel.navn + ".", {href: box.getAttribute("data-rot") + bydel.side, text: "Gå til " + bydel.navn});
          } else {
            say("Du er i " + bydel.navn + ". Den bydelen er ikke med i hjelpenavigatoren ennå.");
          }
        });
    }, function () {
      say("Vi fikk ikke tilgang til posisjonen. Finn nabolaget ditt i listen.");
    });
  });
})();
