#!/usr/bin/env bash
# Makes the committed demo stream: 6 MPEG-TS segments of 2 s (H.264 + AAC, 360x640 portrait like a phone-shot live room, 25 fps) that the
# server loops as a live HLS playlist. Run once by hand when the look of the demo should change;
# the server only reads the files, so neither `npm start` nor CI needs ffmpeg.
set -euo pipefail
out="$(cd "$(dirname "$0")/.." && pwd)/packages/server/media/demo"
mkdir -p "$out"
rm -f "$out"/segment-*.ts
font=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
ffmpeg -hide_banner -loglevel error -y \
  -f lavfi -i "gradients=s=360x640:r=25:c0=0x1f1147:c1=0xb8326b:c2=0x12456e:speed=0.02:duration=12" \
  -f lavfi -i "sine=frequency=220:sample_rate=48000:duration=12" \
  -filter_complex "[0:v]drawtext=fontfile=${font}:text='LIVE':fontcolor=white:fontsize=64:x=(w-tw)/2:y=h/2-150,drawtext=fontfile=${font}:text='live-shop demo':fontcolor=white:fontsize=32:x=(w-tw)/2:y=h/2-70,drawtext=fontfile=${font}:text='%{eif\:t\:d}.%{eif\:mod(t*10,10)\:d} s':fontcolor=white@0.85:fontsize=28:x=(w-tw)/2:y=h/2-20,format=yuv420p[v]" \
  -map "[v]" -map 1:a \
  -c:v libx264 -profile:v main -preset veryfast -b:v 350k -maxrate 400k -bufsize 800k -g 50 -keyint_min 50 -sc_threshold 0 \
  -c:a aac -b:a 48k -ac 1 \
  -f segment -segment_time 2 -segment_format mpegts -reset_timestamps 0 \
  "$out/segment-%d.ts"
ls -la "$out"
# The server reads segment durations from here instead of probing the files at run time.
{
  echo '{ "segments": ['
  n=$(ls "$out"/segment-*.ts | wc -l)
  for ((i = 0; i < n; i++)); do
    d=$(ffprobe -v error -select_streams v:0 -show_entries stream=duration -of default=nw=1:nk=1 "$out/segment-$i.ts" | head -n 1 | tr -d '[:space:]')
    sep=$([ $i -lt $((n - 1)) ] && echo , || true)
    echo "  { \"file\": \"segment-$i.ts\", \"duration\": $d }$sep"
  done
  echo '] }'
} > "$out/manifest.json"
cat "$out/manifest.json"
