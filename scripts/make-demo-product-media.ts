// Generates the demo catalogue's extra media, offline and deterministic, into packages/server/static/products/:
//   <id>/spin-00.svg … spin-23.svg  a 360° turn (24 frames, 15° apart) of the tea set and the sneakers
//   tea-set/teacup.glb             a small glTF binary (a lathed celadon teacup) for the 3D / AR view
//   wool-coat-800.svg              the coat picture at a second size, so its srcset has two candidates
//   node --import tsx scripts/make-demo-product-media.ts
// The files are committed; this script is how they were made (re-run it after changing a drawing).
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const outDir = process.argv[2] ?? 'packages/server/static/products';
const FRAMES = 24;

const fmt = (n: number) => Number(n.toFixed(2));

/** One frame of the celadon teapot turning: spout and handle swing round, behind or in front of the body. */
function teapotFrame(index: number): string {
  const angle = (index / FRAMES) * Math.PI * 2;
  const cx = 200;
  const spoutX = cx + Math.cos(angle) * 118;
  const handleX = cx - Math.cos(angle) * 112;
  const spoutBehind = Math.sin(angle) > 0;
  const spout = `<path d="M${fmt(cx + Math.cos(angle) * 70)} 230 Q${fmt((cx + spoutX) / 2)} 215 ${fmt(spoutX)} 170" stroke="#7fae8e" stroke-width="${fmt(14 + 4 * Math.abs(Math.sin(angle)))}" fill="none" stroke-linecap="round"/>`;
  const handle = `<ellipse cx="${fmt(handleX)}" cy="225" rx="${fmt(8 + 26 * Math.abs(Math.cos(angle)))}" ry="38" fill="none" stroke="#6f9c7e" stroke-width="12"/>`;
  const behind = [spoutBehind ? spout : '', !spoutBehind ? handle : ''].join('');
  const front = [!spoutBehind ? spout : '', spoutBehind ? handle : ''].join('');
  const shine = cx - Math.sin(angle) * 40;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="400" height="400">
  <defs><radialGradient id="g" cx=".4" cy=".35" r=".8"><stop offset="0" stop-color="#d6ebdb"/><stop offset="1" stop-color="#86b394"/></radialGradient></defs>
  <rect width="400" height="400" fill="#f3f1ea"/>
  <ellipse cx="200" cy="318" rx="120" ry="14" fill="#d8d3c4"/>
  ${behind}
  <ellipse cx="200" cy="235" rx="92" ry="80" fill="url(#g)"/>
  <ellipse cx="${fmt(shine)}" cy="205" rx="16" ry="28" fill="#ffffff" opacity=".35"/>
  <ellipse cx="200" cy="160" rx="46" ry="12" fill="#7fae8e"/>
  <circle cx="200" cy="146" r="10" fill="#6f9c7e"/>
  ${front}
  <text x="372" y="30" font-family="sans-serif" font-size="14" text-anchor="end" fill="#8a8574">${Math.round((index * 360) / FRAMES)}°</text>
</svg>
`;
}

/** One frame of the sneaker turning: the side view foreshortened by the angle, toe swapping sides. */
function sneakerFrame(index: number): string {
  const angle = (index / FRAMES) * Math.PI * 2;
  const sx = Math.cos(angle);
  const scale = fmt(Math.max(0.28, Math.abs(sx)) * Math.sign(sx || 1));
  const heelSide = Math.sin(angle) > 0;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="400" height="400">
  <rect width="400" height="400" fill="#eef1f4"/>
  <ellipse cx="200" cy="290" rx="${fmt(40 + 110 * Math.abs(sx))}" ry="12" fill="#d5dbe2"/>
  <g transform="translate(200 0) scale(${scale} 1) translate(-200 0)">
    <path d="M70 270 L70 220 Q80 180 130 175 L200 170 Q240 190 290 225 Q335 240 335 262 L335 270 Z" fill="#fbfbf8" stroke="#c9ced6" stroke-width="3"/>
    <rect x="66" y="262" width="273" height="18" rx="8" fill="#e9e4da" stroke="#c9ced6" stroke-width="2"/>
    <path d="M150 182 L215 230 M170 180 L230 222 M190 176 L246 214" stroke="#3b4a5a" stroke-width="4" stroke-linecap="round"/>
    <rect x="${heelSide ? 72 : 300}" y="222" width="26" height="36" rx="6" fill="#d23b3b" opacity="${heelSide ? 1 : 0.25}"/>
  </g>
  <text x="372" y="30" font-family="sans-serif" font-size="14" text-anchor="end" fill="#7b8794">${Math.round((index * 360) / FRAMES)}°</text>
</svg>
`;
}

/** A surface of revolution around the y axis from a profile of (radius, height) points. */
function lathe(profile: ReadonlyArray<readonly [number, number]>, segments: number) {
  const positions: number[] = [];
  const normals: number[] = [];
  const indices: number[] = [];
  for (let i = 0; i < profile.length; i++) {
    const prev = profile[Math.max(0, i - 1)]!;
    const next = profile[Math.min(profile.length - 1, i + 1)]!;
    // Outward normal of the profile at this point: the tangent turned by 90°.
    let nr = next[1] - prev[1];
    let ny = -(next[0] - prev[0]);
    const length = Math.hypot(nr, ny) || 1;
    nr /= length;
    ny /= length;
    for (let j = 0; j <= segments; j++) {
      const theta = (j / segments) * Math.PI * 2;
      const [r, y] = profile[i]!;
      positions.push(r * Math.cos(theta), y, r * Math.sin(theta));
      normals.push(nr * Math.cos(theta), ny, nr * Math.sin(theta));
    }
  }
  for (let i = 0; i < profile.length - 1; i++) {
    for (let j = 0; j < segments; j++) {
      const a = i * (segments + 1) + j;
      const b = a + segments + 1;
      indices.push(a, a + 1, b, b, a + 1, b + 1);
    }
  }
  return { positions, normals, indices };
}

/** A glTF 2.0 binary (GLB) of one mesh with one plain PBR material. */
function glb(mesh: { positions: number[]; normals: number[]; indices: number[] }, color: readonly [number, number, number]): Uint8Array {
  const positions = new Float32Array(mesh.positions);
  const normals = new Float32Array(mesh.normals);
  const indices = new Uint16Array(mesh.indices);
  const pad4 = (n: number) => (n + 3) & ~3;
  const indexBytes = pad4(indices.byteLength);
  const bin = new Uint8Array(positions.byteLength + normals.byteLength + indexBytes);
  bin.set(new Uint8Array(positions.buffer), 0);
  bin.set(new Uint8Array(normals.buffer), positions.byteLength);
  bin.set(new Uint8Array(indices.buffer), positions.byteLength + normals.byteLength);
  const min = [0, 1, 2].map((axis) => Math.min(...mesh.positions.filter((_, k) => k % 3 === axis)));
  const max = [0, 1, 2].map((axis) => Math.max(...mesh.positions.filter((_, k) => k % 3 === axis)));
  const count = positions.length / 3;
  const json = {
    asset: { version: '2.0', generator: 'live-shop scripts/make-demo-product-media.ts' },
    scene: 0,
    scenes: [{ nodes: [0] }],
    nodes: [{ mesh: 0, name: 'teacup' }],
    meshes: [{ primitives: [{ attributes: { POSITION: 0, NORMAL: 1 }, indices: 2, material: 0 }] }],
    materials: [{ name: 'celadon', doubleSided: true, pbrMetallicRoughness: { baseColorFactor: [...color, 1], metallicFactor: 0, roughnessFactor: 0.3 } }],
    buffers: [{ byteLength: bin.byteLength }],
    bufferViews: [
      { buffer: 0, byteOffset: 0, byteLength: positions.byteLength, target: 34962 },
      { buffer: 0, byteOffset: positions.byteLength, byteLength: normals.byteLength, target: 34962 },
      { buffer: 0, byteOffset: positions.byteLength + normals.byteLength, byteLength: indices.byteLength, target: 34963 },
    ],
    accessors: [
      { bufferView: 0, componentType: 5126, count, type: 'VEC3', min, max },
      { bufferView: 1, componentType: 5126, count, type: 'VEC3' },
      { bufferView: 2, componentType: 5123, count: indices.length, type: 'SCALAR' },
    ],
  };
  let jsonText = JSON.stringify(json);
  while (jsonText.length % 4 !== 0) jsonText += ' ';
  const jsonBytes = new TextEncoder().encode(jsonText);
  const total = 12 + 8 + jsonBytes.byteLength + 8 + bin.byteLength;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x46546c67, true); // "glTF"
  view.setUint32(4, 2, true);
  view.setUint32(8, total, true);
  view.setUint32(12, jsonBytes.byteLength, true);
  view.setUint32(16, 0x4e4f534a, true); // "JSON"
  out.set(jsonBytes, 20);
  const binStart = 20 + jsonBytes.byteLength;
  view.setUint32(binStart, bin.byteLength, true);
  view.setUint32(binStart + 4, 0x004e4942, true); // "BIN\0"
  out.set(bin, binStart + 8);
  return out;
}

// A teacup, 8 cm across: foot ring, bowl flaring out, rim, then the inside back down.
const cup: Array<readonly [number, number]> = [
  [0, 0],
  [0.022, 0],
  [0.024, 0.006],
  [0.028, 0.01],
  [0.036, 0.022],
  [0.04, 0.04],
  [0.041, 0.05],
  [0.038, 0.05],
  [0.036, 0.04],
  [0.032, 0.024],
  [0.024, 0.014],
  [0, 0.012],
];

for (const [id, frame] of [
  ['tea-set', teapotFrame],
  ['canvas-sneakers', sneakerFrame],
] as const) {
  await mkdir(join(outDir, id), { recursive: true });
  for (let i = 0; i < FRAMES; i++) await writeFile(join(outDir, id, `spin-${String(i).padStart(2, '0')}.svg`), frame(i));
}
await writeFile(join(outDir, 'tea-set', 'teacup.glb'), glb(lathe(cup, 40), [0.56, 0.72, 0.61]));
await copyFile(join(outDir, 'wool-coat.svg'), join(outDir, 'wool-coat-800.svg'));
console.log(`wrote ${FRAMES * 2} spin frames, tea-set/teacup.glb and wool-coat-800.svg to ${outDir}`);
