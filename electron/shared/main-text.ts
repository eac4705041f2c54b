/**
 * Every sentence the main process says to a person (errors, their actions, notices, the keychain's
 * state), by key, in English. Main sends the key and its parameters with the English text; the UI
 * makes the sentence in its own language from the same key (main-text.zh-CN.ts), so a Chinese UI
 * never shows main's English. Parameters are names, numbers, hosts and file names, never prose.
 */
export const mainTextEn = {
  // --- the request itself ---
  'request.unknown': 'Unknown request "{channel}".',
  'request.invalid': 'The request was not valid ({field}).',
  'request.untrusted': 'This request did not come from Qwen Desk.',
  // zod messages of the contract's schemas (said by key: see `said`)
  'request.chooseModel': 'Choose a model.',
  'request.badModelId': 'A model id has only letters, digits and . _ : / -',
  'request.messageTooLong': 'A message can hold at most {max} characters.',
  'request.tooManyImages': 'A message can carry at most {max} images.',
  'request.tooManyTextFiles': 'A message can carry at most {max} text files.',
  'import.tooBig': 'An import can be at most {max} MB.',
  'settings.urlBase': 'The base URL must be a full http:// or https:// address.',
  'settings.urlProxy': 'The proxy must be a full http:// or https:// address.',
  'request.nothingToSend': 'There is nothing to send.',
  'request.tooManyMessages': 'This conversation is too long to send in one request.',
  'request.emptyTitle': 'A title cannot be empty.',
  'request.badFileName': 'A file name cannot hold slashes or control characters.',
  'request.imageTooBig': 'An image can be at most 7.8 MB.',
  'request.badBase64': 'The image data is not valid base64.',
  'request.textTooBig': 'A text file can be at most 512 KB.',
  'request.imagesTooBig': 'The images of one message can be at most 22 MB together.',
  'settings.badWorkspace': 'A workspace ID has only letters, digits and hyphens.',
  'internal.bug': 'Something went wrong inside Qwen Desk.',
  'request.tooLarge': 'This request is too large to send.',
  'bridge.lost': 'Lost the connection to Qwen Desk.',
  'bridge.noToken': 'This page was opened without its access token.',
  'bridge.noToken.action': 'Open the full address that "npm start" printed.',
  'import.refused': 'Qwen Desk refused the import.',
  'bridge.lost.action': 'Restart Qwen Desk (npm start) and open the new address it prints.',

  // --- Qwen's answers (qwen/errors.ts) ---
  'qwen.idle': 'Qwen stopped sending for {seconds} s, so Qwen Desk stopped waiting.',
  'qwen.idle.action': 'Try again, or raise the idle timeout in Settings.',
  'qwen.cutOff': 'The connection to Qwen was cut off.',
  'qwen.cutOff.action': 'Try again. If it keeps happening, check your network or proxy.',
  'qwen.noAnswerWithin': 'Qwen did not answer within {seconds} s.',
  'qwen.noAnswer': 'Qwen did not answer in time.',
  'qwen.noAnswer.action':
    'Try again. If it keeps happening, check your connection or raise the timeout in Settings.',
  'net.proxyRefused': 'The proxy {proxy} refused to connect to Qwen.',
  'net.proxyRefusedStatus': 'The proxy {proxy} refused to connect to Qwen (HTTP {status}).',
  'net.proxyRefused.action': 'Check the proxy address (and its login) in Settings.',
  'net.certificate': 'Could not make a secure connection to {host}: its certificate is not trusted.',
  'net.tls': 'Could not make a secure connection to {host}: the TLS handshake failed.',
  'net.tls.action':
    'Check the base URL in Settings. If a company proxy inspects HTTPS traffic, set that proxy in Settings.',
  'net.refused': 'Could not connect to {host}: the connection was refused.',
  'net.refusedViaProxy': 'Could not connect to {host} or the proxy {proxy}: the connection was refused.',
  'net.refused.action': 'Check the region or base URL in Settings, and the proxy setting.',
  'net.dns': 'Could not find {host}: the name did not resolve (DNS).',
  'net.dns.action': 'Check your internet connection, the base URL and the proxy setting.',
  'net.timeout': 'Could not connect to {host}: it did not answer.',
  'net.timeout.action': 'Check your internet connection and the proxy setting.',
  'net.noRoute': 'Could not reach {host}: there is no network route to it.',
  'net.noRoute.action': 'Check your internet connection.',
  'net.unreachable': 'Could not reach {host}.',
  'net.unreachable.action': 'Check your internet connection and the proxy setting, then try again.',
  'qwen.unexpected': 'Something went wrong while talking to Qwen.',
  'stream.lineTooLong': 'Qwen sent a line longer than {chars} characters; the answer was stopped.',
  'stream.answerTooLong':
    'The answer passed {chars} characters, more than any Qwen model writes; it was stopped.',
  'stream.tooLarge.action':
    'The text received so far is kept. Ask for a shorter answer, or check the base URL.',
  'moderation.output': "Qwen's content safety check stopped the answer.",
  'moderation.output.action': 'Ask the question another way.',
  'moderation.input': "Qwen's content safety check refused your message.",
  'moderation.request': "Qwen's content safety check refused this request.",
  'moderation.input.action': 'Rephrase the message and send it again.',
  'qwen.arrears': 'Your Alibaba Cloud account is overdue, so Qwen refused the request.',
  'qwen.arrears.action': 'Top up or settle your account in the Alibaba Cloud console, then try again.',
  'qwen.badKey': 'Qwen rejected the API key.',
  'qwen.badKey.action':
    'Check the key, and that the region in Settings (now: {region}) is the one the key was made in: keys work only in their own region.',
  'qwen.badKeyHost.action':
    'Check the key: {host} rejected it. A key works only with the region (or address) it was made for.',
  'qwen.badKeyPlain.action':
    'Check the key, and that the region in Settings is the one the key was made in: keys work only in their own region.',
  'qwen.quota': 'Your token quota for this model is used up for now.',
  'qwen.quota.action': 'Wait a minute and try again, or raise the quota in Model Studio.',
  'qwen.burst': 'Requests to Qwen increased too quickly.',
  'qwen.burst.action': 'Wait a few seconds and try again.',
  'qwen.rateMinute': 'Too many requests to Qwen in the last minute.',
  'qwen.rateMinute.action': 'Wait a minute and try again.',
  'qwen.overloaded': 'Qwen is overloaded right now.',
  'qwen.tryMoment.action': 'Try again in a moment.',
  'qwen.modelUnavailable': 'This model is unavailable right now.',
  'qwen.modelUnavailable.action': 'Try again in a moment, or choose another model.',
  'qwen.noSuchModel': 'The model "{model}" does not exist, or your key cannot use it.',
  'qwen.noSuchModelPlain': 'This model does not exist, or your key cannot use it.',
  'qwen.noSuchModel.action':
    'Choose another model. Model ids are case-sensitive, and some models exist only in some regions.',
  'qwen.accessDenied': 'Qwen refused access to this model for your account.',
  'qwen.accessDenied.action':
    'Check the model is enabled for your account in Model Studio (a "free tier only" setting can block it).',
  'qwen.imageTooBig': 'An image is larger than Qwen accepts (10 MB per image).',
  'qwen.imageTooBig.action': 'Remove the image, or attach a smaller copy of it.',
  'qwen.imageUnreadable': 'Qwen could not read one of the images.',
  'qwen.imageUnreadable.action': 'Remove the image and attach it again, or save it as PNG or JPEG first.',
  'qwen.imageTooSmall':
    'An image is too small or too narrow for Qwen (each side at least 10 px, at most 200:1).',
  'qwen.imageTooSmall.action': 'Remove that image and send again.',
  'qwen.requestTooLarge': 'This request is larger than Qwen accepts.',
  'qwen.requestTooLarge.action':
    'Remove some images or attachments, or start a new conversation with less history.',
  'qwen.rateNow': 'Too many requests to Qwen right now.',
  'qwen.rateNow.action': 'Wait a moment and try again.',
  'qwen.internal': 'Qwen had an internal error.',
  'qwen.serverStatus': "Qwen's servers had a problem (HTTP {status}).",
  'qwen.refused': 'Qwen refused the request.',
  'qwen.refused.action': 'Change the setting it names and send again.',
  'qwen.reported': 'Qwen reported an error.',
  'qwen.reported.action': 'Try again.',

  // --- parameters (shared/params.ts) ---
  'param.temperature': 'Temperature must be at least 0 and less than 2.',
  'param.topP': 'Top P must be greater than 0 and at most 1.',
  'param.maxTokens': 'Max tokens must be at least 1.',
  'param.maxTokensFor': 'Max tokens must be between 1 and {max} for {model}.',
  'param.seed': 'The seed must be a whole number from 0 to {max}.',
  'param.presencePenalty': 'Presence penalty must be between -2 and 2.',
  'param.thinkingBudget': 'The thinking budget must be a positive number of tokens.',
  'param.emptyStop': 'A stop sequence cannot be empty.',
  'param.noThinking': '{model} cannot think before answering.',
  'param.noThinking.action': 'Turn thinking off, or choose a model that thinks.',
  'param.noSearch': '{model} cannot search the web.',
  'param.noSearch.action': 'Turn web search off, or choose Qwen-Plus or Qwen-Max.',
  'param.noStrategy': '{model} cannot search with the "{strategy}" strategy.',
  'param.noStrategy.action': 'Choose {strategies} in Conversation settings.',
  'param.noJson': '{model} has no JSON mode.',
  'param.noJson.action': 'Turn JSON mode off, or choose Qwen-Plus or Qwen-Max.',
  'param.noVision': '{model} cannot see images.',
  'param.noVision.action':
    'Choose a vision model (Qwen3-VL, Qwen-VL or Qwen3.5 and later), or remove the images.',
  'param.translateOne': '{model} translates one message at a time: no system prompt and no earlier turns.',
  'param.translateOne.action':
    'Start a new chat for each text (without a system prompt), or choose another model.',
  'param.jsonThinking': 'JSON mode cannot be used while the model is thinking.',
  'param.jsonThinkingAlways.action': 'Choose a model other than {model}, or turn JSON mode off.',
  'param.jsonThinking.action': 'Turn thinking off, or turn JSON mode off.',
  'param.jsonWord':
    'JSON mode needs the word "JSON" in your message or the system prompt: Qwen refuses the request without it.',
  'param.jsonWord.action': 'Add it, for example "Answer in JSON.", and send again.',

  // --- translation options (shared/translation.ts) ---
  'translation.noTarget': 'Choose the language to translate into.',
  'translation.noTarget.action': 'Pick a language under "To".',
  'translation.targetAuto':
    'Automatic detection works for the language you translate from, not the one you translate into.',
  'translation.targetAuto.action': 'Pick a language under "To".',
  'translation.sameLanguage': 'The text would be translated into the language it is already in.',
  'translation.sameLanguage.action':
    'Pick another language under "To", or "Detect automatically" under "From".',
  'translation.glossaryTerm': 'Every glossary entry needs both a term and its translation.',
  'translation.glossaryTerm.action': 'Fill in or remove the incomplete entry in the glossary.',

  // --- image generation (issue 14: imagegen/, shared/image-params.ts) ---
  'image.notImageModel': '{model} is not an image model.',
  'image.refused.prompt_empty': 'Describe the image first.',
  'image.refused.prompt_long': 'The prompt can be at most {max} characters (it has {count}).',
  'image.refused.negative_long': 'The negative prompt can be at most {max} characters (it has {count}).',
  'image.refused.size': '{model} cannot draw {size}; choose one of the sizes it offers.',
  'image.refused.n_range': '{model} draws {min} to {max} images per request.',
  'image.refused.n_exact': '{model} draws exactly {min} image per request.',
  'image.refused.seed_range': 'The seed is a whole number from 0 to {max}.',
  'image.refused.edit_needs_image':
    'An edit needs the image to change: choose “Edit this image” under a picture.',
  'image.refused.edit_too_many': 'An edit takes at most {max} images.',
  'image.editGone': 'The image to edit is no longer kept.',
  'image.editTooBig': 'An image to edit can be at most 10 MB.',
  'image.jobGone': 'That image request no longer exists.',
  'image.cancelQueuedOnly': 'Only an image still waiting in the queue can be cancelled.',
  'image.cancelTooLate': 'Qwen has already started drawing this image, so it can no longer be cancelled.',
  'image.closedBeforeReady':
    'Qwen Desk was closed before this image was ready, and a request made without a task cannot be picked up again.',
  'image.internal': 'Something went wrong inside Qwen Desk while making this image.',
  'image.taskGone': 'Qwen keeps an image task for 24 hours, and this one is gone.',
  'image.taskUnknown': 'Qwen no longer knows this image task (tasks are kept for 24 hours).',
  'image.needsNative': 'Image generation needs DashScope’s own API, which this base URL does not offer.',
  'image.needsNative.action': 'Choose a DashScope region in Settings.',
  'image.notKept': 'That image is no longer kept.',
  'image.notReadyAtExport': 'This image was not ready when the history was exported.',
  'image.linkNotHttps': 'Qwen gave a result link Qwen Desk does not download from (not HTTPS).',
  'image.downloadFailed': 'The generated image could not be downloaded.',
  'image.downloadStatus': 'The generated image could not be downloaded (HTTP {status}).',
  'image.linkExpired': 'The link to this image has expired (Qwen keeps results for 24 hours).',
  'image.tooLarge': 'The generated image is larger than Qwen Desk keeps.',
  'image.notAnImage': 'The result Qwen linked to is not a PNG, JPEG or WebP image.',
  'image.downloadCut': 'The download of the generated image was cut off.',

  // --- attachments (attachments/validate.ts) ---
  'attachment.empty': '"{file}" cannot be sent: it is empty.',
  'attachment.tooBig': '"{file}" cannot be sent: it is larger than 7.8 MB.',
  'attachment.notImage': '"{file}" cannot be sent: it is not a PNG, JPEG, WebP or GIF image.',
  'attachment.wrongType': '"{file}" cannot be sent: it is declared as {declared} but its bytes are {actual}.',
  'attachment.wrongSize':
    '"{file}" cannot be sent: its header says {width} × {height}, not {declaredWidth} × {declaredHeight}.',
  'attachment.tooSmall': '"{file}" cannot be sent: a side is under {min} px.',
  'attachment.tooNarrow': '"{file}" cannot be sent: its aspect ratio is over {ratio}:1.',
  'attachment.tooManyPixels': '"{file}" cannot be sent: it has more pixels than any Qwen model reads.',

  // --- history ---
  'history.noMessage': 'That message no longer exists.',
  'history.noConversation': 'That conversation no longer exists.',
  'history.answerDeleted': 'That answer was deleted.',
  'history.unavailable': 'The conversation history is not available.',
  'history.regenerateAnswer': 'Only an answer to a question can be regenerated.',
  'history.editOwn': 'Only your own messages can be edited.',
  'history.continueAnswer': 'Only an answer can be continued.',
  'history.stillWriting': 'This answer is still being written.',
  'history.nothingToContinue': 'This answer has no text to continue from.',
  'import.notJson': 'This file is not a Qwen Desk export (it is not JSON).',
  'import.notExport': 'This file is not a Qwen Desk history export.',
  'import.damaged': 'This export is damaged; nothing was imported.',
  'notice.recovered':
    'Your history file was damaged, so Qwen Desk started a new one. The old file was kept at {path}.',
  'history.tooNew':
    'Your history ({file}) was saved by a newer version of Qwen Desk (format {fileVersion}; this version reads up to {knownVersion}). Update Qwen Desk to open it. The file was left untouched.',
  'notice.saveFailed':
    'Qwen Desk cannot save answers right now: the disk is full or not writable. The text stays on screen and is saved as soon as space is free.',
  'notice.saveResumed': 'Answers are being saved again.',

  // --- the key, the keychain and where the key may go ---
  'key.none': 'No API key is set.',
  'key.none.action': 'Set DASHSCOPE_API_KEY, or add your key in Settings.',
  'key.noneToTest': 'There is no key to test.',
  'key.paste': 'Paste your API key first.',
  'key.notAKey': 'This does not look like an API key.',
  'key.notSaved': 'The key could not be saved in the keychain.',
  'key.fromEnv': 'The API key comes from the DASHSCOPE_API_KEY environment variable.',
  'key.fromEnv.action': 'Unset DASHSCOPE_API_KEY and restart Qwen Desk to manage the key here.',
  'keychain.noModule': 'The keychain module (keytar) could not be loaded: {error}',
  'keychain.noModule.fixLinux':
    'Install libsecret (Debian/Ubuntu: "apt-get install libsecret-1-dev"), then run "npm install" again.',
  'keychain.noModule.fix': 'Reinstall Qwen Desk (or run "npm install" again when running from source).',
  'keychain.noService': 'No keychain service (Secret Service) answers in this session: {error}',
  'keychain.noService.fix':
    'Install and start GNOME Keyring or KWallet (Debian/Ubuntu: "apt-get install gnome-keyring"), make sure it is unlocked, then restart Qwen Desk.',
  'keychain.refused': 'The system keychain refused access: {error}',
  'keychain.refused.fix': 'Unlock your keychain (or allow Qwen Desk to use it), then restart Qwen Desk.',
  'route.badUrl': 'The base URL is not a valid address.',
  'route.badUrl.action': 'Check the base URL in Settings.',
  'route.insecure': 'Qwen Desk sends your key only over https (plain http only to this computer): {origin}',
  'route.insecure.action': 'Use an https:// base URL.',
  'route.envKeyHost':
    'The key from DASHSCOPE_API_KEY is sent only to DashScope or to DASHSCOPE_BASE_URL, not to {host}.',
  'route.envKeyHost.action': 'Set DASHSCOPE_BASE_URL to this address, or save a key in Settings for it.',
  'route.confirmHost': 'Qwen Desk will only send your key to {host} after you confirm it.',
  'route.confirmHost.action': 'Confirm the host when asked.',
  'route.retestHost.action': 'Re-enter the key in Settings and test it to use it with this host.',

  // --- settings ---
  'settings.invalid': 'These settings are not valid ({field}).',
  'settings.noCustomUrl': 'The Custom region has no base URL yet.',
  'settings.noCustomUrl.action': 'Enter the base URL in Settings.',
  'settings.badProxy': 'The proxy "{proxy}" is not an http:// or https:// address.',
  'settings.badProxy.action': 'Correct the proxy in Settings, or clear it.',

  // --- the quick-ask shortcut ---
  'shortcut.taken': '{accelerator} is taken by another app, or the system refused it.',
  'shortcut.starting': 'Qwen Desk is still starting.',
  'shortcut.tooLong': 'This key combination is too long.',
  'shortcut.incomplete': 'This key combination is not complete.',
  'shortcut.badKey': '"{key}" is not a key a shortcut can use.',
  'shortcut.oneKey': 'A shortcut has one key besides its modifiers.',
  'shortcut.addKey': 'Add a key to the modifiers.',
  'shortcut.needModifier': 'A global shortcut needs Ctrl, Alt, Cmd or Super.',
} as const;

export type MainTextKey = keyof typeof mainTextEn;
export type MainTextParams = Readonly<Record<string, string | number>>;

/** Whether `key` names one of main's sentences (keys arrive from IPC as plain strings). */
export function isMainTextKey(key: unknown): key is MainTextKey {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(mainTextEn, key);
}

/** Fills `{name}` from `params`; an unknown name stays visible rather than vanishing. */
export function fillText(template: string, params: MainTextParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** Main's English sentence for `key`. */
export function englishText(key: MainTextKey, params?: MainTextParams): string {
  return fillText(mainTextEn[key], params);
}

/** A sentence as it travels: the English, and the key and parameters the UI says it with. */
export interface Sentence {
  message: string;
  key: MainTextKey;
  params?: MainTextParams;
}

export function sentence(key: MainTextKey, params?: MainTextParams): Sentence {
  return { message: englishText(key, params), key, ...(params ? { params: { ...params } } : {}) };
}

/**
 * For the contract's zod schemas: the key travels as zod's message, and main turns it into the
 * sentence (create-core.ts, settings-service.ts). Only a key is accepted, so a schema cannot hold
 * an English sentence the UI would show untranslated.
 */
export const said = (key: MainTextKey, params?: MainTextParams): string =>
  params
    ? `${key}?${new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]))}`
    : key;

/** Reads what `said` wrote; null for any other text (zod's own messages). */
export function readSaid(message: string): { key: MainTextKey; params?: MainTextParams } | null {
  const [key, query] = message.split('?', 2) as [string, string | undefined];
  if (!isMainTextKey(key)) return null;
  return query === undefined ? { key } : { key, params: Object.fromEntries(new URLSearchParams(query)) };
}
