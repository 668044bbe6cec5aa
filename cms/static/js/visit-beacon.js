/* The visit beacon: counts this page view for the visitor statistics ("Thống kê").
   Pages are cached by a CDN, so the server does not see most views; the reader's browser
   reports each one instead (POST, JSON, same origin: the endpoint checks the Origin and
   rate-limits; no address is stored). Readers without JavaScript are not counted. */
(function () {
    "use strict";

    var script = document.currentScript;
    var url = script && script.getAttribute("data-hits-url");
    // An automated browser (tests, crawlers driving Chromium) is not a reader.
    if (!url || !window.fetch || !window.JSON || navigator.webdriver) {
        return;
    }
    function send() {
        // keepalive: the count survives the reader leaving at once. Not sendBeacon: it cannot
        // send application/json, which the endpoint requires (no cross-site form can).
        fetch(url, {
            method: "POST",
            credentials: "same-origin",
            keepalive: true,
            headers: {"Content-Type": "application/json", "Accept": "application/json"},
            body: JSON.stringify({path: window.location.pathname})
        }).catch(function () {
            // A lost count is not the reader's problem.
        });
    }
    // A page restored from the back/forward cache is a view too.
    window.addEventListener("pageshow", send);
})();
