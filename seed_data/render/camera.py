"""A phone camera photographing a drawn asset scene: light, surface, lens, sensor, ISP, in that order.

The scenes of ``seed_data.render.photos`` are flat vector drawings: every region one RGB value, every
edge one pixel wide, no noise. No camera ever wrote such a file. This module photographs the drawing
the way light and a phone would, working in linear light until the ISP's tone curve:

1. **Scene light** (``_illumination``): a scene is never lit evenly. A broad gradient (the sun's or a
   window's direction across the frame) of 10–35% end to end, times a soft random field of cloud
   shade, reflections and occlusion at a fifth of the frame and larger, ±3–8%.
2. **Surface texture** (``_texture``): paint, concrete, tarmac, cardboard and plaster are never one
   value: a multiplicative 1/f (fractal) albedo variation from 2 to 32 px, 2–6% in luminance (smooth
   paint at the low end, concrete and cardboard at the high end), a fifth of it per channel at 16 px
   (pigment varies a little in hue too).
3. **Lens**: a phone lens at f/1.6–2.0 is near diffraction-limited (Airy σ ≈ 0.42 λN ≈ 0.4 µm) but focus
   is on one plane and the scene has depth: a Gaussian PSF of σ 0.5–1.0 px at this frame's pitch.
   Lens shading correction leaves 8–25% corner fall-off (cos⁴ is ~60% before correction; phones
   correct most, not all, to keep corner noise down). Lateral chromatic aberration: red and blue
   magnified ±0.03–0.09% against green (0.3–0.9 px at the corners of a 1600 × 1200 frame), what an
   ISP's correction leaves of a phone lens's ~1–3 px.
4. **Exposure**: auto-exposure with highlight priority puts the scene's 99.5th-percentile luminance
   at 80–105% of full scale (bright sky may clip, as it does on phones).
5. **Sensor** (``_sensor``, ``sense``): a quad-Bayer sensor (48 MP class) read out 2 × 2 binned is an ordinary
   RGGB Bayer mosaic; one pixel of this frame is one binned photosite. Its colour filters overlap
   (crosstalk 8–18% into the neighbouring channels) and red and blue collect fewer electrons than
   green under daylight (0.45–0.6 and 0.55–0.75 of green: phones' daylight white-balance gains are
   ~1.7–2.2 red, ~1.3–1.8 blue). Full well ≈ 4 × 4500 e⁻ = 18,000 e⁻ at base ISO 50; at ISO ``iso`` full
   scale is 18,000 × 50 / ISO electrons. ISO is drawn log-uniform, 50–200 outdoors by day, 200–800
   indoors under shop and warehouse lamps (300–500 lux at 1/30–1/60 s, f/1.8). Photon shot noise
   (Poisson, drawn as its Gaussian limit: a binned photosite holds hundreds of electrons at least in
   any lit region) plus read noise of 3–6 e⁻ (four photosites' reads of ~1.5–3 e⁻ each, summed in
   quadrature), quantised by a 10-bit ADC.
6. **ISP**: bilinear demosaic, white-balance gains, the colour-correction matrix that undoes the
   crosstalk (and so amplifies chroma noise, as on every phone), then in YCrCb a mild luma denoise
   (bilateral, its range set from the noise expected at this ISO) and a stronger chroma denoise
   (Gaussian σ 1–2 px: phones smooth chroma noise hard), the sRGB transfer curve with a mild S-shaped
   contrast boost (blend 0.1–0.3), then the phone's unsharp mask (the ``sharpen`` family of
   ``seed_data.render.messaging``, the same ISP step).
7. **JPEG**: the camera app saves at quality 85–95 with 4:2:0 chroma (Android's default is 95, iOS
   HEIC→JPEG exports land near 85–92). ``Photograph.stored()`` is that file as decoded; the caller that
   writes the file saves ``image`` at ``quality`` itself (one encode, not two).

The geometry is unchanged (no warp: the scene *is* the frame), so a scene's field boxes hold on the
photograph. Everything is drawn from the caller's generator: the same scene and seed give the same
pixels.
"""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

from seed_data.render.jpeg import encode_jpeg
from seed_data.render.messaging import FAMILIES

FULL_WELL = 18_000.0          # electrons at full scale, base ISO, one binned (2 × 2) photosite
BASE_ISO = 50
ADC_LEVELS = 1023             # a 10-bit raw
OUTDOOR_ISO, INDOOR_ISO = (50, 200), (200, 800)
QUALITY = (85, 95)            # camera app JPEG quality, inclusive
_LUMA = np.float32([0.299, 0.587, 0.114])


@dataclass(frozen=True, slots=True)
class Photograph:
    """What the phone's ISP produced (RGB uint8, before its JPEG) and how it was taken."""

    image: np.ndarray
    quality: int               # the camera app's JPEG quality
    iso: int
    psf_sigma: float           # lens blur, px
    texture: float             # surface albedo variation, relative std
    light_range: float         # end-to-end illumination gradient, relative
    denoise: float             # luma bilateral range, 8-bit levels

    @property
    def effects(self) -> tuple[str, ...]:
        return (f"scene light ±{self.light_range / 2:.0%}", f"surface texture {self.texture:.1%}",
                f"lens σ={self.psf_sigma:.2f}, vignetting, lateral CA", f"Bayer RGGB ISO {self.iso}",
                "shot and read noise", f"ISP demosaic, denoise {self.denoise:.1f}, tone curve, sharpen")

    def stored(self) -> np.ndarray:
        """The file as the camera app wrote it, decoded: what a screen or printer would show."""
        return encode_jpeg(self.image, self.quality, subsampling=2)


def _srgb_to_linear(a: np.ndarray) -> np.ndarray:
    """sRGB-encoded 0–1 to linear light."""
    return np.where(a <= 0.04045, a / 12.92, ((a + 0.055) / 1.055) ** 2.4).astype(np.float32)


_DECODE = _srgb_to_linear(np.arange(256, dtype=np.float32) / 255.0)   # uint8 → linear, as a table


def _linear_to_srgb(a: np.ndarray) -> np.ndarray:
    a = np.clip(a, 0.0, 1.0)
    return np.where(a <= 0.0031308, a * 12.92, 1.055 * np.power(a, 1 / 2.4) - 0.055).astype(np.float32)


def _smooth_field(h: int, w: int, cell: float, rng: np.random.Generator) -> np.ndarray:
    """Unit-std Gaussian noise correlated over ``cell`` pixels: drawn coarse, upsampled bicubically."""
    gh, gw = max(int(h / cell) + 2, 2), max(int(w / cell) + 2, 2)
    coarse = rng.standard_normal((gh, gw), dtype=np.float32)
    field = cv2.resize(coarse, (w, h), interpolation=cv2.INTER_CUBIC)
    return (field - field.mean()) / max(float(field.std()), 1e-6)


def _illumination(h: int, w: int, rng: np.random.Generator) -> tuple[np.ndarray, float]:
    """Multiplicative light on the scene: a directional gradient times soft shade; mean 1."""
    span = float(rng.uniform(0.10, 0.35))
    angle = rng.uniform(0, 2 * np.pi)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    ramp = (np.cos(angle) * (xx / w - 0.5) + np.sin(angle) * (yy / h - 0.5))
    ramp /= max(float(np.ptp(ramp)), 1e-6)
    shade = _smooth_field(h, w, max(h, w) / 5.0, rng) * float(rng.uniform(0.03, 0.08))
    light = (1.0 + span * ramp) * (1.0 + shade)
    return (light / light.mean()).astype(np.float32), span


def _texture(h: int, w: int, rng: np.random.Generator) -> tuple[np.ndarray, float]:
    """Multiplicative albedo: octaves from 2 to 32 px, equal energy per octave (1/f); broader variation
    is the light's (``_illumination``). Hue varies a fifth as much, at 16 px: pigment is steadier
    than roughness and dirt."""
    strength = float(rng.uniform(0.02, 0.06))
    cells = (2.0, 4.0, 8.0, 16.0, 32.0)
    lum = sum(_smooth_field(h, w, c, rng) for c in cells) / np.sqrt(len(cells))
    hue = np.stack([_smooth_field(h, w, 16.0, rng) for _ in range(3)], axis=2)
    albedo = 1.0 + strength * (lum[..., None] + 0.2 * hue)
    return np.clip(albedo, 0.5, 1.5).astype(np.float32), strength


def _lens(linear: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, float]:
    """PSF blur, lateral chromatic aberration and residual vignetting."""
    h, w = linear.shape[:2]
    sigma = float(rng.uniform(0.5, 1.0))
    out = cv2.GaussianBlur(linear, (0, 0), sigma)
    ca = float(rng.uniform(0.0003, 0.0009))
    centre = ((w - 1) / 2.0, (h - 1) / 2.0)
    for channel, mag in ((0, 1 + ca), (2, 1 - ca)):   # red images larger than green, blue smaller
        m = cv2.getRotationMatrix2D(centre, 0.0, mag)
        out[..., channel] = cv2.warpAffine(np.ascontiguousarray(out[..., channel]), m, (w, h),
                                           flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    r2 = ((xx - centre[0]) ** 2 + (yy - centre[1]) ** 2) / (centre[0] ** 2 + centre[1] ** 2)
    out *= (1.0 - float(rng.uniform(0.08, 0.25)) * r2)[..., None]
    return out, sigma


def _crosstalk(c: float) -> np.ndarray:
    """Colour filters' overlap: each channel takes ``c`` of each neighbour's light (R↔G, G↔B, R↔B half)."""
    return np.float32([[1 - 1.5 * c, c, 0.5 * c], [c, 1 - 2 * c, c], [0.5 * c, c, 1 - 1.5 * c]])


def _bayer_masks(h: int, w: int) -> np.ndarray:
    """RGGB: red at even rows/even columns, blue at odd/odd, green elsewhere."""
    masks = np.zeros((h, w, 3), np.float32)
    masks[0::2, 0::2, 0] = 1
    masks[0::2, 1::2, 1] = masks[1::2, 0::2, 1] = 1
    masks[1::2, 1::2, 2] = 1
    return masks


def sense(light: np.ndarray, rng: np.random.Generator, iso: int, read_noise: float) -> np.ndarray:
    """Light on each photosite (0–1 of full scale) to the raw value (0–1): photon shot noise (variance
    = electrons), read noise (``read_noise`` e⁻), clipping at the full well and a 10-bit ADC."""
    full_scale = FULL_WELL * BASE_ISO / iso
    electrons = np.clip(light, 0.0, 1.0).astype(np.float32) * full_scale
    electrons += rng.standard_normal(electrons.shape, dtype=np.float32) * np.sqrt(electrons + read_noise ** 2)
    return np.clip(np.round(electrons / full_scale * ADC_LEVELS), 0, ADC_LEVELS).astype(np.float32) / ADC_LEVELS


def _sensor(linear: np.ndarray, rng: np.random.Generator, iso: int, mix: np.ndarray,
            sensitivity: np.ndarray) -> np.ndarray:
    """Scene light (exposed, 0–1 of full scale) through the colour filters to a noisy raw mosaic."""
    h, w = linear.shape[:2]
    raw_rgb = (linear @ mix.T) * sensitivity
    mosaic = (raw_rgb * _bayer_masks(h, w)).sum(axis=2)
    return sense(mosaic, rng, iso, float(rng.uniform(3.0, 6.0)))


def demosaic(mosaic: np.ndarray) -> np.ndarray:
    """Bilinear demosaic of an RGGB mosaic: each channel's samples, normalised by the samples' weight."""
    masks = _bayer_masks(*mosaic.shape)
    kernel = np.float32([[1, 2, 1], [2, 4, 2], [1, 2, 1]])
    out = np.empty_like(masks)
    for c in range(3):
        num = cv2.filter2D(mosaic * masks[..., c], -1, kernel, borderType=cv2.BORDER_REFLECT)
        den = cv2.filter2D(masks[..., c], -1, kernel, borderType=cv2.BORDER_REFLECT)
        out[..., c] = num / den
    return out


def _tone(linear: np.ndarray, contrast: float) -> np.ndarray:
    """sRGB curve (clipping at full scale), then an S-curve blended in by ``contrast``."""
    encoded = _linear_to_srgb(linear)
    s = encoded * encoded * (3.0 - 2.0 * encoded)
    return (1.0 - contrast) * encoded + contrast * s


def _noise_at_mid_grey(iso: int, read: float = 4.5) -> float:
    """Expected raw noise at 18% grey, in 8-bit levels after the sRGB curve: sets the luma denoise."""
    full_scale = FULL_WELL * BASE_ISO / iso
    std = np.sqrt(0.18 * full_scale + read ** 2) / full_scale
    slope = 1.055 / 2.4 * 0.18 ** (1 / 2.4 - 1)
    return float(std * slope * 255.0)


def photograph(scene: Image.Image | np.ndarray, rng: np.random.Generator, *, indoor: bool = False) -> Photograph:
    """Take a phone photograph of ``scene`` (RGB, its sRGB values the surfaces' colours under even
    white light). ``indoor`` selects lamp-lit ISOs instead of daylight ones."""
    src = np.asarray(scene.convert("RGB") if isinstance(scene, Image.Image) else scene)
    h, w = src.shape[:2]
    linear = _DECODE[src]
    albedo, texture = _texture(h, w, rng)
    light, span = _illumination(h, w, rng)
    radiance = linear * albedo * light[..., None]
    radiance, psf = _lens(radiance, rng)
    # Auto-exposure, highlight priority: the 99.5th-percentile luminance lands at 80–105% of full scale.
    bright = float(np.percentile(radiance @ _LUMA, 99.5))
    radiance *= float(rng.uniform(0.8, 1.05)) / max(bright, 1e-4)
    lo, hi = INDOOR_ISO if indoor else OUTDOOR_ISO
    iso = int(round(float(np.exp(rng.uniform(np.log(lo), np.log(hi))))))
    mix = _crosstalk(float(rng.uniform(0.08, 0.18)))
    sensitivity = np.float32([rng.uniform(0.45, 0.6), 1.0, rng.uniform(0.55, 0.75)])
    raw = _sensor(radiance, rng, iso, mix, sensitivity)
    # ISP: demosaic, white balance, colour correction (the crosstalk undone), all in linear light.
    rgb = (demosaic(raw) / sensitivity) @ np.linalg.inv(mix).T.astype(np.float32)
    encoded = _tone(np.clip(rgb, 0.0, None), float(rng.uniform(0.1, 0.3)))
    ycc = cv2.cvtColor(encoded.astype(np.float32), cv2.COLOR_RGB2YCrCb)   # float: 0–1, chroma centred on 0.5
    denoise = 2.0 * _noise_at_mid_grey(iso)
    ycc[..., 0] = cv2.bilateralFilter(np.ascontiguousarray(ycc[..., 0]), 5, denoise / 255.0, 1.5)
    chroma = float(rng.uniform(1.0, 2.0))
    for c in (1, 2):
        ycc[..., c] = cv2.GaussianBlur(np.ascontiguousarray(ycc[..., c]), (0, 0), chroma)
    isp = np.clip(cv2.cvtColor(ycc, cv2.COLOR_YCrCb2RGB) * 255.0 + 0.5, 0, 255).astype(np.uint8)
    sharpened, _ = FAMILIES["sharpen"](isp, rng)
    quality = int(rng.integers(QUALITY[0], QUALITY[1] + 1))
    return Photograph(sharpened, quality, iso, psf, texture, span, denoise)
