import type { Product, RoomInfo, Stock } from '@live-shop/protocol';
import type { RoomSeed } from '../store/store.js';

const image = (id: string) => `/static/products/${id}.svg`;
/** The 24 frames of a product's 360° turn (SVGs made by scripts/make-demo-product-media.ts: offline). */
const spin = (id: string) => Array.from({ length: 24 }, (_, i) => `/static/products/${id}/spin-${String(i).padStart(2, '0')}.svg`);

/** The demo room: live, with the looped synthetic HLS stream. */
export const DEMO_ROOM: RoomInfo = {
  id: 'demo',
  title: '冬季好物直播 · Winter Picks Live',
  status: 'live',
  hls: '/media/demo/live.m3u8',
};

/** The demo catalogue: CNY prices in fen (minor units). */
export const DEMO_PRODUCTS: readonly Product[] = [
  {
    id: 'wool-coat',
    name: '双面羊毛大衣 Double-faced Wool Coat',
    description: '100% 美丽诺羊毛，手工双面缝制，落肩廓形。Pure merino wool, hand-finished double-faced seams, relaxed drop-shoulder cut.',
    image: image('wool-coat'),
    images: [
      {
        src: image('wool-coat'),
        srcset: '/static/products/wool-coat.svg 400w, /static/products/wool-coat-800.svg 800w',
        sizes: '(max-width: 480px) 100vw, 400px',
      },
    ],
    currency: 'CNY',
    variants: [
      { id: 'wool-coat-s-camel', label: 'S · 驼色 Camel', price: 129900, compareAtPrice: 169900, swatch: '#c19a6b' },
      { id: 'wool-coat-m-camel', label: 'M · 驼色 Camel', price: 129900, compareAtPrice: 169900, swatch: '#c19a6b' },
      { id: 'wool-coat-m-black', label: 'M · 黑色 Black', price: 129900, compareAtPrice: 169900, swatch: '#1f1f1f' },
      { id: 'wool-coat-l-black', label: 'L · 黑色 Black', price: 129900, compareAtPrice: 169900, swatch: '#1f1f1f' },
    ],
  },
  {
    id: 'canvas-sneakers',
    name: '经典帆布鞋 Classic Canvas Sneakers',
    description: '硫化橡胶底，有机棉帆布鞋面，全天舒适。Vulcanised rubber sole, organic cotton canvas upper, comfortable all day.',
    image: image('canvas-sneakers'),
    spin: spin('canvas-sneakers'),
    currency: 'CNY',
    variants: [
      { id: 'canvas-sneakers-39', label: '39 · 白色 White', price: 39900 },
      { id: 'canvas-sneakers-41', label: '41 · 白色 White', price: 39900 },
      { id: 'canvas-sneakers-43', label: '43 · 白色 White', price: 39900 },
    ],
  },
  {
    id: 'tea-set',
    name: '青瓷茶具套装 Celadon Tea Set',
    description: '龙泉青瓷一壶四杯，釉色温润如玉。A Longquan celadon teapot with four cups, glazed a soft jade green.',
    image: image('tea-set'),
    spin: spin('tea-set'),
    model: { glb: '/static/products/tea-set/teacup.glb', poster: image('tea-set') },
    currency: 'CNY',
    variants: [
      { id: 'tea-set-4', label: '一壶四杯 Pot + 4 cups', price: 58800 },
      { id: 'tea-set-6', label: '一壶六杯 Pot + 6 cups', price: 72800 },
    ],
  },
  {
    id: 'velvet-lipstick',
    name: '丝绒哑光口红 Velvet Matte Lipstick',
    description: '轻薄丝绒质地，持妆八小时，不拔干。A light velvet texture that lasts eight hours without drying.',
    image: image('velvet-lipstick'),
    currency: 'CNY',
    variants: [
      { id: 'velvet-lipstick-999', label: '#999 正红 Classic Red', price: 32000, swatch: '#c8102e' },
      { id: 'velvet-lipstick-520', label: '#520 玫瑰 Rose', price: 32000, swatch: '#d8737f' },
      { id: 'velvet-lipstick-116', label: '#116 豆沙 Nude', price: 32000, swatch: '#b7846f' },
    ],
  },
  {
    id: 'wireless-headphones',
    name: '降噪无线耳机 Noise-cancelling Headphones',
    description: '主动降噪，40 小时续航，折叠收纳。Active noise cancelling, 40-hour battery, folds flat.',
    image: image('wireless-headphones'),
    currency: 'CNY',
    variants: [
      { id: 'wireless-headphones-black', label: '曜石黑 Obsidian', price: 149900, compareAtPrice: 179900, swatch: '#222222' },
      { id: 'wireless-headphones-silver', label: '月光银 Moon Silver', price: 149900, compareAtPrice: 179900, swatch: '#c0c4c8' },
    ],
  },
  {
    id: 'silk-scarf',
    name: '桑蚕丝方巾 Mulberry Silk Scarf',
    description: '22 姆米桑蚕丝，手工卷边，90×90 cm。22-momme mulberry silk, hand-rolled edges, 90 × 90 cm.',
    image: image('silk-scarf'),
    currency: 'CNY',
    variants: [
      { id: 'silk-scarf-peony', label: '牡丹 Peony', price: 45900 },
      { id: 'silk-scarf-wave', label: '海浪 Wave', price: 45900 },
      { id: 'silk-scarf-crane', label: '仙鹤 Crane', price: 49900 },
    ],
  },
];

/** Starting units per variant: plenty, so tests and demos can buy. */
export const DEMO_STOCK: Readonly<Stock> = Object.fromEntries(
  DEMO_PRODUCTS.flatMap((product, p) => product.variants.map((variant, v) => [variant.id, 30 + ((p * 37 + v * 23) % 171)])),
);

/** Everything `--seed demo` writes. */
export const DEMO_SEED: RoomSeed = { room: DEMO_ROOM, products: DEMO_PRODUCTS, stock: DEMO_STOCK };
