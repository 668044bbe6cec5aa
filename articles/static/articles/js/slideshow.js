/* The slideshow as a WAI-ARIA carousel (https://www.w3.org/WAI/ARIA/apg/patterns/carousel/).
   Without JavaScript every slide is listed in a track that scrolls sideways. With it, one
   slide shows at a time; a pause/play button (first, as the pattern asks), previous and next
   buttons and "Slide n of m" appear. It advances by itself only while playing, never when the
   reader prefers reduced motion, and holds while the pointer is over it or focus is in it. */
(function () {
    "use strict";

    function Slideshow(root) {
        this.root = root;
        this.track = root.querySelector(".slideshow-track");
        this.slides = Array.prototype.slice.call(root.querySelectorAll(".slideshow__slide"));
        this.links = Array.prototype.slice.call(root.querySelectorAll(".slideshow-nav a"));
        this.status = root.querySelector(".slideshow__status");
        this.rotation = root.querySelector("[data-action=rotation]");
        this.interval = parseInt(root.dataset.interval, 10) || 6000;
        this.current = 0;
        this.hovered = false;
        this.focused = false;
        var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)");
        this.playing = !(reduce && reduce.matches) && this.slides.length > 1;
        this.timer = null;
    }

    Slideshow.prototype.start = function () {
        var self = this;
        this.root.classList.add("slideshow--enhanced");
        this.root.querySelector(".slideshow__controls").hidden = false;
        // It no longer scrolls: no region to name, the slides say "n of m".
        this.track.removeAttribute("aria-label");
        this.track.removeAttribute("role");
        this.root.addEventListener("click", function (event) {
            var button = event.target.closest("[data-action]");
            var link = event.target.closest(".slideshow-nav a");
            if (button) {
                self.act(button.dataset.action);
            } else if (link) {
                event.preventDefault();
                self.stopByReader();
                self.show(self.links.indexOf(link));
            }
        });
        this.root.addEventListener("mouseenter", function () { self.hovered = true; self.schedule(); });
        this.root.addEventListener("mouseleave", function () { self.hovered = false; self.schedule(); });
        this.root.addEventListener("focusin", function (event) {
            // Focus on the pause/play button itself does not hold the rotation it controls.
            self.focused = event.target !== self.rotation;
            self.schedule();
        });
        this.root.addEventListener("focusout", function (event) {
            if (!self.root.contains(event.relatedTarget)) {
                self.focused = false;
                self.schedule();
            }
        });
        this.track.addEventListener("keydown", function (event) {
            if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
                event.preventDefault();
                self.act(event.key === "ArrowLeft" ? "previous" : "next");
            }
        });
        var target = /^#slide-(\d+)$/.exec(window.location.hash);
        this.show(target ? parseInt(target[1], 10) - 1 : 0);
        this.schedule();
    };

    Slideshow.prototype.act = function (action) {
        if (action === "rotation") {
            this.playing = !this.playing;
            this.focused = false;
            if (this.playing) {
                this.show(this.current + 1);
            }
        } else {
            this.stopByReader();
            this.show(this.current + (action === "next" ? 1 : -1));
        }
        this.schedule();
    };

    // A reader who moves through the slides themselves stops the rotation for good.
    Slideshow.prototype.stopByReader = function () {
        this.playing = false;
        this.schedule();
    };

    Slideshow.prototype.show = function (index) {
        var total = this.slides.length;
        this.current = ((index % total) + total) % total;
        var current = this.current;
        this.slides.forEach(function (slide, i) { slide.hidden = i !== current; });
        this.links.forEach(function (link, i) {
            if (i === current) {
                link.setAttribute("aria-current", "true");
            } else {
                link.removeAttribute("aria-current");
            }
        });
        this.status.textContent = this.root.dataset.status.replace("{n}", String(current + 1));
        this.root.dataset.current = String(current + 1);
    };

    Slideshow.prototype.schedule = function () {
        var self = this;
        var running = this.playing && !this.hovered && !this.focused;
        window.clearTimeout(this.timer);
        this.timer = running ? window.setTimeout(function () {
            self.show(self.current + 1);
            self.schedule();
        }, this.interval) : null;
        this.root.dataset.rotating = running ? "true" : "false";
        // Announce slide changes only when the reader makes them.
        this.track.setAttribute("aria-live", this.playing ? "off" : "polite");
        this.rotation.textContent = this.playing ? this.root.dataset.labelPause : this.root.dataset.labelPlay;
    };

    document.querySelectorAll("[data-slideshow]").forEach(function (root) {
        new Slideshow(root).start();
    });
})();
