import type { Product, ProductImage } from '@live-shop/protocol';

/** Rewrites every URL of an `<img srcset>` value (each candidate is "url [descriptor]"). */
export function resolveSrcset(srcset: string, resolve: (url: string) => string): string {
  return srcset
    .split(',')
    .map((candidate) => candidate.trim())
    .filter((candidate) => candidate.length > 0)
    .map((candidate) => {
      const [url = '', ...descriptor] = candidate.split(/\s+/);
      return [resolve(url), ...descriptor].join(' ');
    })
    .join(', ');
}

/**
 * The product with every media URL (image, responsive images and their `srcset`, variant images,
 * 360° frames, 3D model and poster) passed through `resolve` — e.g. `client.resolveUrl`, so paths
 * relative to the live-shop server work on the merchant's page.
 */
export function resolveProductMedia(product: Product, resolve: (url: string) => string): Product {
  const image = (entry: ProductImage): ProductImage => ({
    ...entry,
    src: resolve(entry.src),
    ...(entry.srcset !== undefined ? { srcset: resolveSrcset(entry.srcset, resolve) } : {}),
  });
  return {
    ...product,
    image: resolve(product.image),
    variants: product.variants.map((variant) => (variant.image !== undefined ? { ...variant, image: resolve(variant.image) } : variant)),
    ...(product.images ? { images: product.images.map(image) } : {}),
    ...(product.spin ? { spin: product.spin.map(resolve) } : {}),
    ...(product.model
      ? {
          model: {
            ...product.model,
            glb: resolve(product.model.glb),
            ...(product.model.usdz !== undefined ? { usdz: resolve(product.model.usdz) } : {}),
            ...(product.model.poster !== undefined ? { poster: resolve(product.model.poster) } : {}),
          },
        }
      : {}),
  };
}
