"""The patterns that recognise page junk in one line of extracted news text.

Every rule here was written against lines read by hand in real pages (Multi-News full pages, Clust-McMs)
and is kept only if it never fires on article text in the labelled benchmark (benchmarks/junk/). Rules
are deliberately narrow: a credit line left in costs a summary nothing, a real sentence dropped costs a
fact. Rules that could match ordinary prose are bounded by line length or need two cues together.
"""

from __future__ import annotations

import re

# A line longer than this is article text, whatever it ends or starts with: captions and widgets are short.
MAX_JUNK_LINE_CHARS = 600
# Rules that look at vocabulary rather than shape only apply to lines this short.
SHORT_LINE_CHARS = 300

_AGENCY = (
    r"(?:AP|AFP|Reuters|REUTERS|Associated Press|ASSOCIATED PRESS|Bloomberg|BLOOMBERG|dpa|DPA|Xinhua|XINHUA"
    r"|AGENSI|BERNAMA|Bernama|ANTARA|Antara|Yonhap|YONHAP|Kyodo|KYODO|TASS|EPA|UPI|CNA|NYTIMES|ANN)"
)

# Whole lines, compared lower-cased with surrounding punctuation removed (see EDGE_PUNCT).
# fmt: off
EXACT_JUNK = frozenset({
    # advertising
    "advertisement", "advertisements", "advertising", "ad", "ads", "sponsored", "promoted", "paid content",
    "sponsored content", "advertisement advertisement", "report this ad",
    "advertisement continue reading the main story", "photo advertisement continue reading the main story",
    "continue reading the main story", "continue reading", "story continued below", "story continues below",
    "article continues below",
    # share bars and players
    "share", "share this", "share this article", "share this story", "share this post", "share tweet",
    "share tweet pin email", "tweet", "email", "e-mail", "print", "facebook", "twitter", "pinterest",
    "linkedin", "whatsapp", "reddit", "instagram", "youtube", "play facebook", "replay", "skip ad",
    "click to share", "tweet with a location", "add a location to your tweets", "text size", "text size -",
    "reset",
    # media labels and credits with nothing else
    "photo", "photos", "image", "images", "video", "videos", "gallery", "slideshow", "getty", "getty images",
    "ap photo", "afp photo", "reuters photo", "photofest", "file photo",
    # related-link headers
    "read more", "read more below", "read next", "more", "more video", "more videos", "more photos",
    "related", "related links", "related articles", "related stories", "related content", "related coverage",
    "related topics", "related video", "related videos", "also", "also read", "see also", "see more",
    "must-reads", "must reads", "recommended", "recommended for you", "trending", "trending now",
    "most popular", "most read", "top stories", "you may also like", "you might also like", "watch more",
    "watch now", "local news more", "most popular stories most popular stories more", "next story",
    "previous story", "back to top",
    # comments, accounts, newsletters
    "comments", "show comments", "leave a comment", "post a comment", "view comments",
    "thank you for registering", "welcome back. please sign in", "sign in", "log in", "login", "sign up",
    "register", "subscribe", "subscribe now", "newsletter", "newsletters", "follow us", "like us",
    "show your support",
})
# fmt: on

# Longer than the longest entry above with some punctuation around it: no exact match possible.
EXACT_MAX_CHARS = 64

# Characters stripped from both ends before the exact-set lookup.
EDGE_PUNCT = re.compile(r"^[\W_]+|[\s:;.,!|>»›•*–—-]+$")

# Rules anchored at the start of the line (re.match). Case matters where noted; most are case-insensitive.
_HEAD_RULES = [
    # Related-link and promo headers followed by a headline: "Read more: ...", "RELATED: ...", "► Update: ..."
    r"(?i:(?:[►▶»›•]\s*)?(?:read more|read next|read also|also read|also see|see also|read|related|"
    r"recommended|explore further|editor'?s picks?|don'?t miss|must[- ]reads?|more from [^:]{1,40}|"
    r"more on [^:]{1,40}|also on [^:]{1,30}|more information|more info|more)\s*:\s*\S)",
    r"[►▶]\s*(?i:update|related|more|read|watch|video)\b",
    r"(?:PHOTOS?|VIDEOS?|WATCH|STORY|SEE ALSO|ALSO|LISTEN|AUDIO|GALLERY|SLIDESHOW|EDITORIAL|TIMELINE|RELATED)"
    r"\s*[:|]\s*\S",
    r"MORE:?\s+[A-Z0-9]",
    r"(?i:read more about|this article tagged under|tagged under|tags?)\s*:",
    r"(?i:read or share this story)\s*:",
    # Bracketed or parenthesised promos: "(PHOTOS: ...)", "[VIDEO: ...]", "(Also on POLITICO: ...)"
    r"[(\[](?:PHOTOS?|VIDEOS?|READ|WATCH|ALSO|MORE|RELATED|SEE|LISTEN|DRIVING THE DAY|Also on)\b"
    r"[^)\]]*[)\]]$",
    r"\[[^\[\]]{1,200}\]$",
    # Captions and credits.
    r"(?i:(?:photo|photos|photograph|picture|pic|image|images|illustration|graphic|photo illustration|"
    r"image credit|photo credit|featured image|top image|main image|header image|caption)s?\s*:)",
    r"(?i:(?:photo|photos|photograph|picture|image|illustration|photo illustration)s? by) "
    r"(?:[A-Z][\w.&'’/-]*[ ,]?){1,6}\.?$",
    r"(?i:credit)\s*:\s*\S",
    r"(?i:(?:(?:image|photo|picture|photograph)s? )?courtesy(?: of)?) (?:the )?"
    r"(?:[A-Z0-9][\w.&'’/-]*\s?){1,6}\.?$",
    r"(?i:source)\s*:\s*(?:getty|ap\b|reuters|afp|epa|shutterstock|[^:]{0,40}(?:images|photo))",
    r"Image copyright\b|Image caption\b|Media caption\b|Media playback is unsupported\b",
    r"(?i:enlarge this image|i?toggle caption|hide caption)\b",
    r"FILE(?: PHOTO)?\s*[-–—:]\s",
    r"(?:FILE - )?In this (?:[\w.,'’ -]{0,60}\s)?(?:photo|photograph|image|picture|handout|video|frame grab|"
    r"screen ?grab|still|undated photo)\b",
    r"This (?:[\w.,'’ -]{0,40}\s)?(?:photo|image|picture|handout photo|frame grab|video still)\b"
    r"(?: [\w,'’-]+){0,6} shows\b",
    r"\d{1,3} of \d{1,3}\.\s",
    r"Slideshow \(\d+ Images?\)$",
    r"(?:A )?[Gg]eneral view of\b",
    r"CLOSE [A-Z]",
    r"Facebook Twitter Pinterest\b",
    r"(?:JUST WATCHED|MUST WATCH)\b",
    r"Embed\b.*(?:Copy this code|autoplay)",
    # Social widgets and follow lines.
    r"(?i:click to (?:share|email|print|tweet|post))\b",
    r"(?i:(?:share|tweet|post|email|pin)(?: this(?: article| story| post)?)? (?:on|to|via|with) "
    r"(?:facebook|twitter|x|linkedin|whatsapp|pinterest|reddit|email|google\+?|tumblr|messenger))\b.{0,40}$",
    r"(?i:(?:stay up to date,? )?follow (?:us|me|him|her|(?:the )?[\w.'’&-]+(?: [\w.'’&-]+){0,3}|@\w+|"
    r"\"[^\"]{1,60}\")\s*(?:on|at|via)\s*(?:twitter|facebook|instagram|google\+?|tumblr|linkedin|youtube|"
    r"tiktok|threads|bluesky|mastodon|https?://|www\.|twitter\.com|@))",
    r"(?i:(?:like|join|find) (?:us|jimmy|the conversation)\b[^.]{0,40}(?:facebook|twitter|instagram)|"
    r"like [\w\" ]{1,40} on facebook)",
    r"(?i:join the conversation\b).{0,80}$",
    r"(?i:(?:twitter|instagram|facebook|e-?mail)\s*:?\s*@?[\w.@-]+)\s*$",
    r"(?i:(?:contact|reach|write to|email|e-mail|send)\b)(?:[^.!?]|\b[A-Z]\.){0,80}(?:@|https?://|"
    r"\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4})",
    r"(?i:call (?:[\w.'’-]+ ){0,3}(?:reporter|writer|columnist|editor))\b",
    r"(?i:have a (?:news )?tip\b)",
    # Newsletter, subscription, app and sign-in prompts.
    r"(?:[A-Z][\w'’&.-]*\s){0,4}(?:Sign up|Subscribe|Register|Get|Receive)\b[^.!?]{0,80}\b(?:newsletters?|"
    r"e-?mail alerts?|news alerts|in your inbox|to your inbox|by e-?mail|delivered (?:straight )?to your|"
    r"daily edition)",
    r"(?:New to [^?]{1,40}\?\s*)?Subscribe\b",
    r"(?i:download the\b)[^.!?]{1,60}\bapp\b",
    r"(?i:get the\b)[^.!?]{1,40}\bapp\b",
    r"(?i:want stories like these delivered)",
    r"(?i:interested in\b)[^.]{0,40}\badd as an interest\b",
    r"(?i:sign in using\b|please sign in\b|by submitting your registration\b)",
    r"(?i:click here to return\b|you must enter the characters\b|please verify you'?re not a robot\b)",
    r"(?i:message: \* a friend wanted you to see\b)",
    # Player and script failures.
    r"(?i:please (?:enable|turn on) javascript\b|you'?ll need an html5 capable browser\b|"
    r"rating is available when the video has been rented\b|this feature is not available right now\b|"
    r"the interactive transcript could not be loaded\b|your browser does not support\b)",
    # Legal lines and origin boilerplate.
    r"(?i:copyright\b|©|\(c\) \d{4})",
    r"(?i:the views expressed (?:by|in) (?:this|the) (?:author|article|post|column)\b)",
    r"(?i:if you would like to reuse any content\b)",
    r"(?i:(?:this|the) (?:article|story|piece|post|report|column|interview) (?:was |has been )?"
    r"(?:originally |first )?(?:published|appeared|ran|posted)\b)",
    r"(?i:(?:an? )?(?:edited |earlier |shorter |longer )?version of this (?:article|story|piece|report) "
    r"(?:first |originally )?(?:appeared|ran|was published))",
    r"(?i:originally published\b|original article on\b)",
    r"(?i:this (?:story|article|post|report) (?:has been|was|is) (?:updated|corrected|refiled|amended)\b)",
    r"(?i:an earlier version of this (?:story|article|post|report)\b)",
    r"(?i:correction|clarification)\s*:",
    r"(?i:this (?:article|story|content|post) (?:is|was) (?:sponsored|brought to you|produced|paid for)\b)",
    r"This is the \w+ (?:part |article |instalment |installment )?(?:of|in) an? [\w-]+ series\b",
    # Bylines, datelines of the page (not the story), contributor and editing credits.
    r"(?:/\s*)?(?:Updated )?By (?:(?:Staff |Sgt\. |Lt\. |Dr\. )*[A-Z][\w.'’-]*\.?\s?){2,5}"
    r"(?:(?:,|\band\b|/|\|)[^.!?]{0,80})?$",
    r"(?i:(?:published|updated|last updated|posted|first published)(?: on| at)?\s*[:|]?\s*"
    r"(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s))",
    r"[-–—]\s*(?i:updated)\b",
    r"\d+ (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?) ago$",
    r"\((?:Reporting|Additional reporting|Writing|Editing|Compiled|Edited)\b[^()]*\)$",
    r"(?i:contributing|additional reporting|with reporting by|reporting by|compiled by|"
    r"edited (?:and translated )?by)\b",
    r"[(（]Editor[:：]",
    r"(?:[A-Z][\w.'’-]+ ){1,4}writes for\b[^.!?]{0,60}$",
    # Archive.org and Twitter stubs fetched in place of the article.
    r"Starting in 1996, Alexa Internet\b|These crawls are part of an effort\b|The seed for Wide\d+\b|"
    r"Crawl (?:start|end) date\b|Number of (?:captures|unique URLs|hosts)\b",
    r"(?i:you can add location information to your tweets|when you tweet with a location|"
    r"add this tweet to your website)",
    r"(?i:clapping shows how much you appreciated\b).{1,120}['’]s story\.?$",
]
HEAD_RULES = re.compile("|".join(f"(?:{rule})" for rule in _HEAD_RULES))

# Rules that may fire anywhere in a short line, each behind the lower-case substrings it needs: Python's
# regex engine costs tens of nanoseconds per character searched, a substring test almost nothing.
_ANYWHERE_RULES = [
    (("rights reserved",), r"\bAll [Rr]ights [Rr]eserved\b"),
    (("may not be",), r"\bmay not be (?:published|reproduced|redistributed|rewritten)\b"),
    (
        ("contributed",),
        r"\bcontributed (?:to )?(?:this|the) (?:report|story|article)\b|\bcontributed reporting\b",
    ),
    (("reached",), r"\bcan be reached (?:at|on|via)\b[^.]{0,60}(?:@|https?://|\d{3}[ .-]\d{4}|twitter)"),
    (
        ("sign up", "subscri", "register"),
        r"\b(?:[Ss]ign up|[Ss]ubscribe|[Rr]egister) (?:for|to) our\b|\bsign up as a (?:subscriber|member)\b",
    ),
    (
        ("signing up", "unsubscribe", "you agree"),
        r"\bBy signing up\b|\bunsubscribe at any time\b|\byou agree to (?:our|the) (?:terms|privacy)",
    ),
    (
        ("cookies", "policy"),
        r"\b(?:we|this (?:site|website)) uses? cookies\b|\bour (?:cookie|privacy) policy\b",
    ),
    (
        ("javascript", "replay more", "copy this code"),
        r"\bMedia requires JavaScript\b|\bReplay More Videos\b|\bCopy this code to your website\b",
    ),
    (
        ("total shares", "read caption", "new window"),
        r"\btotal shares\b|\bRead Caption\b.{0,20}\bShare Photo\b|\(Opens in new window\)",
    ),
    (
        ("follow",),
        r"\bFollow (?:us|me)\b[^.]{0,40}\b(?:Twitter|Facebook|Instagram|@\w+)"
        r"|\bdon[’']t forget to follow us\b",
    ),
    (("click here", "tap here"), r"(?:^|[,.;:!?]\s+)(?:[Cc]lick|[Tt]ap) here\b|\b(?:click|tap) here\.?$"),
    (("read more",), r"(?<![.!?\"”’])\s+Read more$"),
    (("comments",), r"\b(?:share|tell us|let us know)\b[^.]{0,60}\bin the comments\b"),
    (
        ("has the", "has more", "reports"),  # TV credit lines: "NBC10's Lu Ann Cahn has the details."
        r"^(?:[A-Z][\w'’.-]*\s){1,5}has the (?:details|latest|story)(?: on [^.]{0,60})?\.?$"
        r"|^(?!The\b)(?:[A-Z][\w.-]*['’]s )?[A-Z][a-z'’.-]+(?: [A-Z][a-z'’.-]+){1,2}"
        r" (?:reports|has more)(?: for [A-Z][^.]{0,60})?\.$",
    ),
    (
        ("in this",),
        r"\bin this (?:[\w.,'’ -]{0,40}\s)?(?:photo|photograph|image|picture|handout photo|file photo)\b"
        r"(?: (?:released|provided|taken|made available|obtained|posted|distributed|shows|dated)\b)",
    ),
]
ANYWHERE_RULES = tuple((hints, re.compile(rule)) for hints, rule in _ANYWHERE_RULES)

# A photo credit closing a caption, each form behind the case-sensitive substrings it needs.
_CREDIT_WORDS = (
    r"Photo|PHOTO|Image|IMAGE|Getty|AP\b|Associated Press|Reuters|REUTERS|AFP|EPA|Courtesy|courtesy|Credit|"
    r"Staff Photographer|Handout|handout|via Facebook|via Twitter|via Instagram|INSTAGRAM|Instagram:|"
    r"Shutterstock|iStock|Wikimedia|Flickr|Newscom|Corbis|ZUMA|Zuma|Splash|Rex Features|Sipa|PA Wire|Xinhua"
)
# "... (AP Photo/Jane Doe)", "... (Joe Raedle/Getty Images)", "... (Photo: Wayne State University)"
PARENTHESISED_CREDIT = re.compile(
    rf"\((?=[^()]*(?:{_CREDIT_WORDS}))[^()]{{1,120}}\)(?:\s*\((?:Associated Press|AP|Reuters|AFP)\))?\.?$"
)
_CAPTION_TAILS = [
    # "... AP Photo/Jane Doe", "... Photo: Jane Doe/Scanpix", "... REUTERS/Jane Doe", "... Image: Jane Doe"
    (
        ("Photo", "PHOTO", "REUTERS", "Reuters", "AFP", "EPA", "Getty", "Image", "Picture", "Credit", "Pic"),
        r"(?:^|[\s.|])(?:AP Photo|REUTERS|Reuters|AFP|EPA|Getty Images|Photo|Photograph|Photograph by|"
        r"Photo by|Image|Picture|Credit|Photo credit|Image credit|Pic)\s*(?::|/|by:?)\s*"
        r"(?:[^.!?]|\b[A-Z][a-z]?\.){1,80}$",
    ),
    (("Credit ",), r"\bCredit [A-Z][^.!?]{1,60}/[^.!?]{1,60}$"),  # "... Credit Doug Mills/The New York Times"
    (("|",), r"\|\s*(?:Getty(?: Images)?|AP(?: Photo)?|Reuters|AFP)\b[^|]{0,40}$"),  # "... | Getty"
    (("Getty",), r"(?:\bvia |/)\s?Getty(?: Images)?\.?$"),  # "... Michael Nagle/Getty Images"
]
CAPTION_TAILS = tuple((hints, re.compile(rule)) for hints, rule in _CAPTION_TAILS)
# A line that is only a credit: "Jamie/Flickr", "Sarah Tew/CNET", "Graylock/Abaca Press/MCT/Newscom".
CREDIT_ONLY = re.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}\s?/\s?[A-Z][\w.&'’ /-]{1,50}")
# A line that is only a news agency tag: "REUTERS", "— Reuters", "AFP, REUTERS", "- AGENSI".
AGENCY_ONLY = re.compile(rf"[-–—\s]*{_AGENCY}(?:\s*[,/&]\s*{_AGENCY})*\.?")

# Lower-case substrings one of which the first words of a line must contain for junk to be glued there.
# fmt: off
PREFIX_HINTS = (
    "image", "photo", "picture", "caption", "credit", "courtesy", "getty", "reuters", "afp", "file",
    "advertis", "sponsor", "story continued", "share", "support", "clapping", "tweet", "email", "print",
    "facebook", "twitter", "read", "related", "more", "also", "watch", "video", "click", "sign", "subscri",
    "follow", "copyright", "©", "source", "updated", "published", "by ", "contributing", "reset",
    "text size",
)
# fmt: on
# Lower-case substrings one of which a junk fragment glued to the end of a line must contain.
# fmt: off
SUFFIX_HINTS = (
    "reuters", "afp", "associated press", "bloomberg", "agensi", "bernama", "antara", "xinhua", "dpa",
    "photo", "image", "getty", "courtesy", "credit", "reporting by", "editing by", "show your support",
    "clapping", "advertis", "subscri", "sign up", "sign in", "newsletter", "copyright", "©",
    "rights reserved", "read more", "read:", "read also", "related", "follow", "twitter", "facebook",
    "instagram", "contributed", "click", "comments", "published", "cookie", "javascript", "tweet", "email",
    "has the", "has more", "reports",
)
# fmt: on

# Contact-only lines: e-mail addresses, handles, phone numbers and URLs with nothing else that reads.
CONTACT_TOKENS = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|@\w+|https?://\S+|www\.\S+|\(?\+?\d[\d ().-]{6,}\d"
    r"|\b(?:or|and|at|on|via)\b"
)

# Share-bar vocabulary: a short line made only of these words is a widget ("FREE APPS | NOW | FACEBOOK").
# fmt: off
WIDGET_WORDS = frozenset({
    "share", "shares", "tweet", "tweets", "pin", "email", "e-mail", "print", "facebook", "twitter",
    "pinterest", "linkedin", "whatsapp", "reddit", "instagram", "youtube", "google", "tumblr", "snapchat",
    "free", "apps", "app", "now", "follow", "like", "us", "on", "comment", "comments", "save", "copy", "link",
    "play", "more", "and", "or", "the",
})
# fmt: on
WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
HAS_ALNUM = re.compile(r"[^\W_]")
STARTS_WITH_QUOTE = re.compile(r"[\"“‘'«]")
