import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connect } from '../local/connect.ts';
import { startLocalDynamo, useLocalEnvironment, type LocalDynamo } from '../local/dynamo.ts';
import { decodeObjectKey, matchesFilter } from '../src/objectKey.ts';
import { eventFor, events } from './events.ts';

let local: LocalDynamo;
let db: ReturnType<typeof connect>;
let handler: typeof import('../src/handler.ts').handler;
beforeAll(async () => {
  local = await startLocalDynamo();
  useLocalEnvironment(local.endpoint);
  db = connect(local.endpoint);
  ({ handler } = await import('../src/handler.ts'));
  vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterAll(async () => {
  vi.restoreAllMocks();
  db.destroy();
  await local.close();
});

const BUCKET = 'lambda-lab-photos-123456789012';
const photo = async (key: string) => (await db.send(new GetCommand({ TableName: 'photos', Key: { bucket: BUCKET, key } }))).Item;

describe('object keys', () => {
  it('decodes S3 notification keys ("+" is a space, then percent-escapes)', () => {
    expect(decodeObjectKey('holiday/beach+day+%281%29.jpg')).toBe('holiday/beach day (1).jpg');
    expect(decodeObjectKey('a%2Bb.jpg')).toBe('a+b.jpg');
    expect(decodeObjectKey('caf%C3%A9.jpg')).toBe('café.jpg');
  });
  it('matches the .jpg suffix filter case-sensitively, as S3 does', () => {
    expect(matchesFilter('x.jpg')).toBe(true);
    expect(matchesFilter('x.JPG')).toBe(false);
    expect(matchesFilter('x.jpg.txt')).toBe(false);
  });
});

describe('s3-object-created handler', () => {
  it('records the uploaded photo under its decoded key', async () => {
    const res = await handler(events.photoUploaded);
    expect(res).toEqual({ recorded: ['holiday/beach day (1).jpg'], skipped: [] });
    expect(await photo('holiday/beach day (1).jpg')).toMatchObject({
      size: 482133,
      eTag: '0f343b0931126a20f133d67c2b018a3b',
      uploadedAt: '2026-11-27T10:15:02.417Z',
    });
  });

  it('records multipart uploads too (every ObjectCreated:* event)', async () => {
    await handler(events.multipart);
    expect((await photo('raw/DSC_0042-full.jpg'))?.size).toBe(26214400);
  });

  it('leaves one item when S3 delivers the same notification twice', async () => {
    await handler(events.photoUploaded);
    await handler(events.photoUploaded);
    const { Items } = await db.send(new ScanCommand({ TableName: 'photos' }));
    expect(Items?.filter((i) => i.key === 'holiday/beach day (1).jpg')).toHaveLength(1);
  });

  it('skips objects the suffix filter would not have sent', async () => {
    const res = await handler(eventFor('notes/readme.txt'));
    expect(res).toEqual({ recorded: [], skipped: ['notes/readme.txt'] });
    expect(await photo('notes/readme.txt')).toBeUndefined();
  });

  it('skips events that are not ObjectCreated', async () => {
    const res = await handler(eventFor('old.jpg', 'ObjectRemoved:Delete'));
    expect(res.skipped).toEqual(['old.jpg']);
  });
});
