/* Click-to-load video embeds. Without JavaScript a YouTube/Vimeo video is a link to the
   provider. With it, the poster becomes a button; only pressing it loads the provider's
   player (youtube-nocookie / Vimeo with do-not-track): nothing is requested from the provider
   before the reader asks. */
(function () {
    "use strict";

    function enhance(container) {
        var link = container.querySelector(".video-link__anchor");
        var poster = link && link.querySelector(".video-link__poster");
        if (!poster || !container.dataset.embedSrc) {
            return;
        }
        var button = document.createElement("button");
        button.type = "button";
        button.className = "video-link__play";
        var label = document.createElement("span");
        label.className = "video-link__play-label";
        label.textContent = container.dataset.playLabel;
        button.appendChild(poster);  // moved: the link stays, as a plain text link
        button.appendChild(label);
        container.insertBefore(button, link);
        var note = container.querySelector(".video-link__note");
        if (note) {
            note.hidden = false;
        }

        button.addEventListener("click", function () {
            var frame = document.createElement("iframe");
            frame.className = "video-link__frame";
            frame.src = container.dataset.embedSrc;
            frame.title = container.dataset.embedTitle;
            frame.width = "1280";
            frame.height = "720";
            frame.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
            frame.allowFullscreen = true;
            frame.referrerPolicy = "strict-origin-when-cross-origin";
            button.replaceWith(frame);
            if (note) {
                note.hidden = true;
            }
            frame.focus();
        });
    }

    document.querySelectorAll("[data-video-embed]").forEach(enhance);
})();
