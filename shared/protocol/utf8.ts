/**
 * UTF-8 for the short strings inside frames (host names, prompts, messages).
 *
 * `shared/` compiles without DOM or Node types, so TextEncoder is out of reach on
 * purpose. Terminal output never passes through here: it stays raw bytes end to end.
 */

/** Number of bytes `text` takes in UTF-8; lone surrogates count as U+FFFD (3 bytes). */
export function utf8Length(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) length += 1;
    else if (unit < 0x800) length += 2;
    else if (isHighSurrogate(unit) && isLowSurrogate(text.charCodeAt(i + 1))) {
      length += 4;
      i++;
    } else length += 3;
  }
  return length;
}

/** Writes `text` at `offset` and returns the offset after it. */
export function writeUtf8(text: string, target: Uint8Array, offset: number): number {
  let at = offset;
  for (let i = 0; i < text.length; i++) {
    let point = text.charCodeAt(i);
    if (isHighSurrogate(point) && isLowSurrogate(text.charCodeAt(i + 1))) {
      point = 0x10000 + ((point - 0xd800) << 10) + (text.charCodeAt(i + 1) - 0xdc00);
      i++;
    } else if (isHighSurrogate(point) || isLowSurrogate(point)) {
      point = 0xfffd;
    }

    if (point < 0x80) {
      target[at++] = point;
    } else if (point < 0x800) {
      target[at++] = 0xc0 | (point >> 6);
      target[at++] = 0x80 | (point & 0x3f);
    } else if (point < 0x10000) {
      target[at++] = 0xe0 | (point >> 12);
      target[at++] = 0x80 | ((point >> 6) & 0x3f);
      target[at++] = 0x80 | (point & 0x3f);
    } else {
      target[at++] = 0xf0 | (point >> 18);
      target[at++] = 0x80 | ((point >> 12) & 0x3f);
      target[at++] = 0x80 | ((point >> 6) & 0x3f);
      target[at++] = 0x80 | (point & 0x3f);
    }
  }
  return at;
}

/**
 * Decodes strict UTF-8: overlong forms, surrogates, code points past U+10FFFF and
 * truncated sequences return `undefined`, so a frame carrying them is rejected rather
 * than shown with replacement characters the sender never meant.
 */
export function readUtf8(bytes: Uint8Array): string | undefined {
  let text = '';
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    let point: number;
    let extra: number;
    let min: number;
    if (lead < 0x80) {
      point = lead;
      extra = 0;
      min = 0;
    } else if (lead >= 0xc2 && lead <= 0xdf) {
      point = lead & 0x1f;
      extra = 1;
      min = 0x80;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      point = lead & 0x0f;
      extra = 2;
      min = 0x800;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      point = lead & 0x07;
      extra = 3;
      min = 0x10000;
    } else {
      return undefined;
    }

    for (let k = 1; k <= extra; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return undefined;
      point = (point << 6) | (next & 0x3f);
    }
    if (point < min || point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) {
      return undefined;
    }

    text += String.fromCodePoint(point);
    i += extra + 1;
  }
  return text;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/**
 * `text` cut to at most `maxBytes` of UTF-8 on a code point boundary, with an ellipsis
 * when something was cut. For text that comes from elsewhere (an SSH host's prompts,
 * messages and signal names) and must fit a frame's cap instead of failing the encoder.
 */
export function fitUtf8(text: string, maxBytes: number): string {
  if (utf8Length(text) <= maxBytes) return text;
  const ellipsis = '…';
  const budget = maxBytes - utf8Length(ellipsis);
  let used = 0;
  let end = 0;
  for (const point of text) {
    const size = utf8Length(point);
    if (used + size > budget) break;
    used += size;
    end += point.length;
  }
  return budget < 0 ? '' : text.slice(0, end) + ellipsis;
}
