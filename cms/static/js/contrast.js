/* Contrast toggle, upgraded: announce the reader's choice (aria-pressed) and switch the theme
   in place instead of reloading the page. The page is the same for every reader (it is
   cached), so the choice is read from the private choice stylesheet (--theme-choice; the
   cookie is HttpOnly). The form works without this script (POST, cookie, redirect back); the
   server stays the source of truth, so the page only changes once the server has stored the
   choice. */
(function () {
    "use strict";

    var form = document.querySelector("form[data-contrast-toggle]");
    if (!form || !window.fetch || !window.FormData) {
        return;
    }
    var root = document.documentElement;
    var button = form.querySelector("button");
    var systemPrefersMore = window.matchMedia && window.matchMedia("(prefers-contrast: more)");

    function storedChoice() {
        var value = window.getComputedStyle(root).getPropertyValue("--theme-choice").trim();
        return value === "high" || value === "normal" ? value : null;
    }

    function currentTheme() {
        var chosen = root.getAttribute("data-theme") || storedChoice();
        if (chosen === "high" || chosen === "normal") {
            return chosen;
        }
        return systemPrefersMore && systemPrefersMore.matches ? "high" : "normal";
    }

    function show(theme) {
        button.setAttribute("aria-pressed", theme === "high" ? "true" : "false");
    }

    var busy = false;
    var initial = storedChoice();
    if (initial) {
        root.setAttribute("data-theme", initial);
    }
    show(currentTheme());

    form.addEventListener("submit", function (event) {
        event.preventDefault();
        if (busy) {
            return;
        }
        busy = true;  // not button.disabled: that would throw the keyboard focus away
        var wanted = currentTheme() === "high" ? "normal" : "high";
        var body = new FormData(form);
        body.set("theme", wanted);
        fetch(form.action, {
            method: "POST",
            body: body,
            credentials: "same-origin",
            headers: {"Accept": "application/json"}
        })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error(response.status);
                }
                return response.json();
            })
            .then(function (data) {
                root.setAttribute("data-theme", data.theme);
                show(data.theme);
                busy = false;
            })
            .catch(function () {
                // Fall back to the plain form post, which reloads the page in the new theme.
                var field = document.createElement("input");
                field.type = "hidden";
                field.name = "theme";
                field.value = wanted;
                form.appendChild(field);
                form.submit();
            });
    });
})();
