/**
 * What the script-tag entry imports first (see script-tag.ts): the preload of the media code for the players
 * written in the page (WebRTC too, for the players of a room), then the early start of their streams.
 */
import './preload-in-page.js';

export { startPlayersEarly, stopUnclaimedEarlyStarts } from './early-start.js';
