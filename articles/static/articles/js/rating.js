/* Article rating, upgraded: vote through the API and announce the result in place.
   The form works without this script (POST, redirect back with a signed ?rating=); on any
   failure the script hands over to that plain form post, so a vote is never lost. */
(function () {
    "use strict";

    var form = document.querySelector("form[data-article-rating]");
    if (!form || !form.getAttribute("data-api-url") || !window.fetch || !window.JSON) {
        return;
    }
    var summary = form.querySelector("[data-rating-summary]");
    var status = form.querySelector("[data-rating-status]");
    var language = document.documentElement.lang || undefined;
    var busy = false;

    function fill(text, values) {
        return text.replace(/\{(\w+)\}/g, function (match, name) {
            return name in values ? values[name] : match;
        });
    }

    function formatted(number, fractionDigits) {
        try {
            return new Intl.NumberFormat(language, {maximumFractionDigits: fractionDigits})
                .format(number);
        } catch (error) {
            return String(number);
        }
    }

    function summaryText(data) {
        if (!data.count) {
            return form.getAttribute("data-text-none");
        }
        var text = form.getAttribute(data.count === 1 ? "data-text-one" : "data-text-other");
        return fill(text, {
            average: formatted(Math.round(data.average * 10) / 10, 1),
            count: formatted(data.count, 0)
        });
    }

    function removeErrors() {
        var errors = form.querySelectorAll(".article-rating__error");
        for (var i = 0; i < errors.length; i += 1) {
            errors[i].parentNode.removeChild(errors[i]);
        }
    }

    form.addEventListener("submit", function (event) {
        var chosen = form.querySelector("input[name=score]:checked");
        if (!chosen) {
            return;  // the browser (or the server) tells the reader to choose first
        }
        event.preventDefault();
        if (busy) {
            return;
        }
        busy = true;  // not button.disabled: that would throw the keyboard focus away
        var score = parseInt(chosen.value, 10);
        status.textContent = form.getAttribute("data-text-sending");
        fetch(form.getAttribute("data-api-url"), {
            method: "POST",
            credentials: "same-origin",
            headers: {
                "Accept": "application/json",
                "Content-Type": "application/json"
            },
            body: JSON.stringify({score: score})
        })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error(response.status);
                }
                return response.json();
            })
            .then(function (data) {
                if (typeof data.average !== "number" || typeof data.count !== "number") {
                    throw new Error("unexpected answer");
                }
                removeErrors();
                summary.textContent = summaryText(data);
                status.textContent = fill(form.getAttribute("data-text-thanks"), {
                    score: formatted(score, 0)
                });
                busy = false;
            })
            .catch(function () {
                // The plain form post records the vote and reloads with the server's message.
                form.submit();
            });
    });
})();
