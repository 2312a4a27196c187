import { readFile } from 'node:fs/promises';
import type { BulletinContent } from '@sangeyipi/indicators';

/** What the auditor needs of a published bulletin (GET /bulletins/<id> of the analytics service). */
export interface PublishedBulletin {
  bulletinId: string;
  digest: string;
  eventRanges: Array<{ topic: string; partition: number; fromOffset: string; toOffset: string }>;
  content: BulletinContent;
}

/** Reads a bulletin from the analytics service's URL or from a saved JSON file. */
export async function loadBulletin(source: string): Promise<PublishedBulletin> {
  const text = /^https?:\/\//.test(source) ? await fetchText(source) : await readFile(source, 'utf8');
  const bulletin = JSON.parse(text) as PublishedBulletin;
  if (!bulletin.digest || !bulletin.content || !Array.isArray(bulletin.eventRanges)) throw new Error(`${source} is not a published bulletin`);
  return bulletin;
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.text();
}
