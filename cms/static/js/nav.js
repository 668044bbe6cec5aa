/* The menu button on narrow screens, upgraded: the <details> disclosure that works without
   JavaScript becomes a button with aria-expanded and aria-controls; Escape closes the menu
   and puts the focus back on the button. On wide screens the button is hidden (frame.css)
   and the navigation always shows. */
(function () {
    "use strict";

    var details = document.querySelector("details[data-primary-menu]");
    if (!details) {
        return;
    }
    var summary = details.querySelector("summary");
    var nav = details.querySelector("nav");
    if (!summary || !nav || !nav.id) {
        return;
    }

    var menu = document.createElement("div");
    menu.className = "primary-menu";
    menu.setAttribute("data-primary-menu", "enhanced");
    var button = document.createElement("button");
    button.type = "button";
    button.className = summary.className;
    while (summary.firstChild) {
        button.appendChild(summary.firstChild);
    }
    button.setAttribute("aria-controls", nav.id);
    menu.appendChild(button);
    menu.appendChild(nav);
    details.parentNode.replaceChild(menu, details);

    function setOpen(open) {
        button.setAttribute("aria-expanded", open ? "true" : "false");
        if (open) {
            nav.removeAttribute("data-collapsed");
        } else {
            nav.setAttribute("data-collapsed", "");
        }
    }

    setOpen(false);
    button.addEventListener("click", function () {
        setOpen(button.getAttribute("aria-expanded") !== "true");
    });
    menu.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
            setOpen(false);
            button.focus();
        }
    });
})();
