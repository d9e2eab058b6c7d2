/**
 * What page chrome says, by family. Every pattern is anchored at both ends of a trimmed line
 * and bounded in length, so each is tried once per line and fails fast on long text.
 *
 * Two tiers: `boilerplateSentences` are the fixed sentences of comment and cookie forms, removed
 * wherever they stand in the head or tail; `chromeLabels` are widget labels and stamps, which
 * never win over a line of prose (longer than 60 characters, ending a sentence).
 */

/** Operands of the sums comment forms ask as a captcha: digits or English number words. */
const NUMBER = String.raw`(?:\d+|(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)`;

/** Social networks and share targets, as share and follow widgets name them. */
const NETWORK = String.raw`(?:facebook|twitter|x|instagram|linkedin|whatsapp|telegram|reddit|pinterest|messenger|youtube|tiktok|threads|bluesky|mastodon|flipboard|google news|email|e-mail|print|copy link|sms)`;

/** One step of a breadcrumb trail (up to four words) and what separates two steps. */
const CRUMB = String.raw`[\p{L}\p{N}&'’.-]+(?: [\p{L}\p{N}&'’.-]+){0,3}`;
const CRUMB_SEPARATOR = String.raw`(?: ?[>›»|] ?| / )`;

/** Headers that introduce a list of related headlines (the short lines under them go with them). */
export const relatedHeaders: readonly RegExp[] = [
  /^(?:related|similar|more|other|recommended|latest|top) (?:items|articles|stories|posts|news|content|coverage|reading|links|topics|videos|headlines)\s*:?$/i,
  /^(?:you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|you may have missed|don['’]t miss|see also|also read|further reading|read (?:more|also|next)|continue reading|keep reading|up next|what to read next)\b.{0,120}$/i,
  /^more (?:from|on|in|about|stories from)\b.{0,80}$/i,
  /^(?:related|recommended|trending|most (?:read|popular|viewed|shared)|popular|latest|editor['’]s picks)(?: (?:now|stories|articles|news|posts|for you|today|this week))?\s*:?$/i,
  // Other languages' "related" and "read more" headers.
  /^(?:à lire aussi|lire aussi|lire la suite|sur le même sujet|articles? similaires?|mehr zum thema|weitere artikel|auch interessant|lesen sie auch|weiterlesen|noticias relacionadas|te puede interesar|lee también|leer más|relacionad[oa]s|leia também|leggi anche|اقرأ أيضا|اقرأ أيضاً|مواضيع ذات صلة|أخبار ذات صلة)\s*:?.{0,120}$/iu,
];

/** Headers of a comment thread or an author box: what follows them to the end is chrome too. */
export const sectionHeaders: readonly RegExp[] = [
  /^(?:\d+|no|one) (?:comments?|responses?|replies|thoughts?)(?: (?:to|on) [“"'‘].{1,120})?\s*:?$/i,
  /^(?:comments|reader comments|discussion|join the conversation|leave a (?:reply|comment))\s*:?$/i,
  /^(?:about the author|about the reporter|author|authors)\s*:?$/i,
];

/** Fixed sentences of comment, login and cookie forms: removed even when they read as prose. */
export const boilerplateSentences: readonly RegExp[] = [
  /^your email address will not be published\b.{0,120}$/i,
  /^save my name, email,? and website in this browser\b.{0,80}$/i,
  /^(?:you must be (?:logged|signed) in to (?:post|leave) a comment|comments are closed|comments? (?:are|is) (?:now )?closed)\b.{0,60}$/i,
  /^this site uses akismet to reduce spam\b.{0,120}$/i,
  /^(?:this (?:web)?site|we|our (?:web)?site) uses? cookies\b.{0,300}$/i,
  /^by (?:continuing|using this (?:web)?site)\b.{0,80}\b(?:cookies|privacy policy|terms)\b.{0,120}$/i,
  /^(?:please )?(?:enable javascript|turn on javascript)\b.{0,120}$/i,
  /^(?:this (?:article|story|content) (?:is|was) (?:only )?available to (?:subscribers|members))\b.{0,120}$/i,
  /^(?:already (?:a subscriber|have an account)\??)\s*(?:(?:log|sign) in\.?)?$/i,
  /^(?:please )?(?:verify|prove) (?:that )?you(?:['’]re| are) (?:a )?human\b.{0,60}$/i,
  /^(?:i['’]m not a robot|recaptcha\b.{0,80})$/i,
];

/** Widget labels, forms, stamps, tags and the like: chrome unless the line is prose. */
export const chromeLabels: readonly RegExp[] = [
  // Share, like and follow widgets.
  new RegExp(String.raw`^(?:[^.!?\n]{0,60}\b)?(?:follow|like|find|join|connect with) us (?:on|at|via)\b[^.!?\n]{0,80}[.!]?$`, 'i'),
  new RegExp(String.raw`^(?:share|tweet|post)(?: this| it)?(?: (?:article|story|post|page|on ${NETWORK}|via ${NETWORK}|to ${NETWORK}))?\s*[:!]?$`, 'i'),
  /^click to (?:share|email|print|tweet)\b.{0,80}$/i,
  new RegExp(String.raw`^(?:(?:${NETWORK}|share|tweet|pin(?: it)?|like|follow|comment|save|bookmark|gift(?: this)? article|listen(?: to this article)?)[\s,|·•/]*)+$`, 'i'),
  /^(?:like|like this|be the first to like this|\d+ (?:likes?|shares?|bloggers? like this))\.?:?$/i,
  /^(?:like )?loading(?:…|\.\.\.)?$/i,
  /^(?:partager|teilen|compartir|condividi|مشاركة)(?: (?:sur|auf|en|su|على) .{1,30})?\s*:?$/iu,
  // Newsletter and subscription prompts.
  /^(?:join|sign up (?:for|to)|subscribe (?:to|for)|get|receive) (?:our|the)\b.{0,60}\bnewsletters?\b.{0,60}$/i,
  /^(?:subscribe|sign up|sign-up|register)(?: (?:now|today|here|for free|free))?(?: (?:to|for) [^.]{1,60})?\s*[.!:]?$/i,
  /^(?:newsletter|newsletters|get the newsletter|our newsletter|daily newsletter|weekly newsletter)\b.{0,60}$/i,
  /^(?:enter your email(?: address)?|your email(?: address)?|email address)\s*[*:]?\s*$/i,
  /^(?:s['’]abonner|s['’]inscrire|abonnez-vous|newsletter abonnieren|jetzt abonnieren|suscríbete|suscribirse|iscriviti|inscreva-se|подписывайтесь|подпишитесь|اشترك)(?![\p{L}]).{0,60}$/iu,
  // Comment and login forms, captchas.
  /^leave a (?:reply|comment|response)\b.{0,60}$/i,
  /^cancel reply$/i,
  /^required fields are marked\b.{0,20}$/i,
  /^(?:comments?|name|email|e-mail|website|url|message|your comment|password|username)\s*\*?\s*:?$/i,
  /^(?:post|submit|add|write|leave) (?:a |your )?(?:comment|reply)$/i,
  /^notify me of\b.{0,120}$/i,
  /^(?:\d+|no|one) (?:comments?|responses?|replies|thoughts?)(?: yet| so far)?(?: (?:to|on) [“"'‘].{1,120})?\s*:?$/i,
  /^(?:view|show|load|read|see|join the) (?:all |more |the )?(?:\d+ )?(?:comments?|conversation|discussion)\b.{0,30}$/i,
  /^(?:log in|login|sign in|log out|register|create (?:an )?account|forgot (?:your )?password\??)(?: (?:to|or) .{1,60})?$/i,
  new RegExp(String.raw`^${NUMBER}\s*[-+−–×x*÷/]\s*${NUMBER}\s*=\s*(?:${NUMBER})?$`, 'i'),
  // Advertisement labels.
  /^(?:advertisement|advertising|advert|ad|ads|anzeige|publicité|publicidad|إعلان|sponsored(?: content| links?| stories)?|promoted(?: content)?|paid (?:content|post)|partner content|story continues below(?: advertisement)?|article continues below|scroll to continue(?: with content)?)$/iu,
  // Tags, categories and copyright lines.
  /^(?:tags?|topics?|categories|category|keywords|mots-clés|schlagwörter|etiquetas|الكلمات الدالة)\s*:.{0,300}$/iu,
  /^(?:filed under\b|posted in\s*:?).{0,300}$/i,
  /^(?:©|\(c\)|copyright\b).{0,150}$/i,
  /^all rights reserved\.?$/i,
  // Breadcrumbs (`Home > News > Politics`) and navigation.
  new RegExp(String.raw`^${CRUMB}(?:${CRUMB_SEPARATOR}${CRUMB}){1,6}$`, 'u'),
  /^(?:home|menu|search|skip to (?:main )?content|skip to navigation|main menu|close|open menu|toggle navigation|back to top|top)$/i,
  // Print and e-mail links, text size, audio players.
  /^(?:print(?: this)?(?: article| page| story)?|email(?: this)?(?: article| story| page)?|e-mail(?: this)?(?: article)?|send to a friend|text size|font size|a\+?\s*a-?|listen(?: to (?:this|the) article)?(?: \d+ min)?)$/i,
  // Cookie banners' buttons.
  /^(?:accept(?: all)?(?: cookies)?|reject(?: all)?|cookie (?:settings|policy|preferences)|manage (?:cookies|preferences|consent)|got it|i agree|ok)$/i,
  // Publication and update stamps: "Updated 12 March 2024", "Published: 3 hours ago".
  /^(?:(?:last )?updated|published|posted|first published|modified|mis à jour|publié le|aktualisiert|veröffentlicht|actualizado|publicado|آخر تحديث|نشر)(?: (?:on|at|le|am|el))?\s*:?\s*[\p{L}\p{N} ,.:/+-]{1,60}$/iu,
  /^\d{1,2}(?::\d{2})? (?:minutes?|hours?|days?|weeks?) ago$/i,
  // Author boxes: "About the author", "Jane Doe is a reporter …" under one.
  /^(?:about the author|author|authors|written by|reporter|contributor|profile|more articles by\b.{0,60}|view all posts by\b.{0,60}|see all stories by\b.{0,60})\s*:?$/i,
  /^(?:email|contact|follow) (?:the )?(?:author|reporter|writer)s?\b.{0,40}$/i,
];

/** Every built-in pattern, for the unit tests. */
export const builtInChromePatterns: readonly RegExp[] = [...boilerplateSentences, ...chromeLabels, ...relatedHeaders, ...sectionHeaders];
