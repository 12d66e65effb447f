export * from './client-frames.ts';
export * from './errors.ts';
export * from './limits.ts';
export * from './relay-frames.ts';
export * from './version.ts';
export { FrameError } from './wire.ts';
export { fitUtf8 } from './utf8.ts';
