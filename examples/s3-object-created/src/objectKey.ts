/**
 * S3 event notifications carry the object key URL-encoded, with spaces as "+":
 * "holiday/beach day (1).jpg" arrives as "holiday/beach+day+%281%29.jpg".
 * Using it undecoded is a classic bug (GetObject then fails with NoSuchKey).
 */
export function decodeObjectKey(key: string): string {
  return decodeURIComponent(key.replace(/\+/g, ' '));
}

/**
 * The same test as the notification's suffix filter in template.yaml (case-sensitive, like S3's).
 * The filter is what keeps other uploads from invoking the function at all; this check only guards
 * against the filter being widened or removed later.
 */
export const SUFFIX = '.jpg';
export const matchesFilter = (key: string): boolean => key.endsWith(SUFFIX);
