import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Messages } from '../i18n/locale.js';
import {
  exitFullscreenIcon,
  fullscreenIcon,
  miniplayerIcon,
  pauseIcon,
  pipIcon,
  playIcon,
  volumeIcon,
  volumeOffIcon,
} from './icons.js';

/** One quality the stream offers (an HLS rendition). */
export interface QualityOption {
  /** Rendition index, as the media controller counts them. */
  index: number;
  /** What the viewer reads ("720p"). */
  label: string;
}

/** What the control bar shows. */
export interface ControlsView {
  paused: boolean;
  muted: boolean;
  /** 0–1. */
  volume: number;
  fullscreen: boolean;
  canFullscreen: boolean;
  pictureInPicture: boolean;
  canPictureInPicture: boolean;
  /** True while the player floats in a corner of the page. */
  miniplayer: boolean;
  /** Renditions to pick from (the menu shows when there are two or more). */
  qualities: readonly QualityOption[];
  /** The picked rendition index, or -1 for automatic. */
  quality: number;
}

/** What the control bar's buttons ask for. */
export interface ControlsActions {
  togglePlay(): void;
  toggleMute(): void;
  setVolume(volume: number): void;
  toggleFullscreen(): void;
  togglePictureInPicture(): void;
  toggleMiniplayer(): void;
  /** Picks a rendition by index, -1 for automatic. */
  setQuality(index: number): void;
}

/**
 * The player's control bar: play/pause, mute, volume, quality (when the stream offers several), miniplayer,
 * picture-in-picture, full screen. Buttons say
 * what they will do ("Pause", "Unmute") and `aria-pressed` says the state of the toggles.
 */
export function renderControls(view: ControlsView, actions: ControlsActions, t: Messages) {
  const volume = view.muted ? 0 : view.volume;
  return html`
    <div part="controls" role="group" aria-label=${t.controlsLabel}>
      <button part="control play-pause-button" type="button" aria-label=${view.paused ? t.play : t.pause} @click=${actions.togglePlay}>
        ${view.paused ? playIcon : pauseIcon}
      </button>
      <button
        part="control mute-button"
        type="button"
        aria-label=${t.mute}
        aria-pressed=${view.muted ? 'true' : 'false'}
        @click=${actions.toggleMute}
      >
        ${view.muted ? volumeOffIcon : volumeIcon}
      </button>
      <input
        part="volume"
        type="range"
        min="0"
        max="1"
        step="0.05"
        aria-label=${t.volume}
        aria-valuetext=${`${Math.round(volume * 100)}%`}
        .value=${live(String(volume))}
        @input=${(event: Event) => actions.setVolume(Number((event.target as HTMLInputElement).value))}
      />
      ${view.qualities.length > 1
        ? html`<select
            part="quality"
            aria-label=${t.quality}
            .value=${live(String(view.quality))}
            @change=${(event: Event) => actions.setQuality(Number((event.target as HTMLSelectElement).value))}
          >
            <option value="-1" ?selected=${view.quality === -1}>${t.qualityAuto}</option>
            ${view.qualities.map(
              (option) => html`<option value=${String(option.index)} ?selected=${view.quality === option.index}>${option.label}</option>`,
            )}
          </select>`
        : nothing}
      <button
        part="control miniplayer-button"
        type="button"
        aria-label=${view.miniplayer ? t.exitMiniplayer : t.miniplayer}
        aria-pressed=${view.miniplayer ? 'true' : 'false'}
        @click=${actions.toggleMiniplayer}
      >
        ${miniplayerIcon}
      </button>
      ${view.canPictureInPicture
        ? html`<button
            part="control pip-button"
            type="button"
            aria-label=${view.pictureInPicture ? t.exitPictureInPicture : t.pictureInPicture}
            aria-pressed=${view.pictureInPicture ? 'true' : 'false'}
            @click=${actions.togglePictureInPicture}
          >
            ${pipIcon}
          </button>`
        : nothing}
      ${view.canFullscreen
        ? html`<button
            part="control fullscreen-button"
            type="button"
            aria-label=${view.fullscreen ? t.exitFullscreen : t.fullscreen}
            @click=${actions.toggleFullscreen}
          >
            ${view.fullscreen ? exitFullscreenIcon : fullscreenIcon}
          </button>`
        : nothing}
    </div>
  `;
}
