//! A second, non-linear scorer beside the linear one: the same hashed features, each looked up as a
//! short vector, summed, passed through one layer of rectified units, then weighed into log-odds.
//!
//! Why: a linear model adds up its evidence, so "allah" and "belanı" count the same wherever they
//! stand and a clean word always pulls the same way. One hidden layer lets features combine (an
//! insult near a second person, a curse word after "allah"), which is where the linear model on the
//! tweets stopped improving. The two models' log-odds are averaged (`mix` in the model file): the
//! linear part keeps the explanation (which words pushed the score), the hidden part sharpens it.
//!
//! The vectors are kept as 8-bit integers times one scale, so a table of 2^17 features of 16
//! numbers is 2 MB; the features are hashed into it by the low bits of the linear model's index.

use super::train::SplitMix;
use super::Feature;

/// The hidden-layer scorer: an embedding table, one layer of rectified units, an output weight each.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct HiddenLayer {
    /// The table has `1 << bits` rows.
    pub bits: u32,
    /// Numbers in a row, and units in the layer.
    pub dims: usize,
    /// Rows one after another, as 8-bit integers each times `scale`.
    table: Vec<i8>,
    scale: f32,
    unit_bias: Vec<f32>,
    unit_weight: Vec<f32>,
    bias: f32,
}

/// How to train the hidden layer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct HiddenOptions {
    pub bits: u32,
    pub dims: usize,
    pub epochs: usize,
    /// AdaGrad's step.
    pub rate: f32,
    /// How much more an offensive example counts than a clean one.
    pub positive_weight: f32,
    pub seed: u64,
    /// Scale each feature by its Naive-Bayes log-count ratio, as the linear model does.
    pub naive_bayes: bool,
    /// Spread of the random starting table.
    pub spread: f32,
}

impl Default for HiddenOptions {
    fn default() -> Self {
        HiddenOptions { bits: 17, dims: 16, epochs: 6, rate: 0.05, positive_weight: 2.0, seed: 20_261_203, naive_bayes: true, spread: 0.5 }
    }
}

impl HiddenLayer {
    fn mask(&self) -> u32 {
        (1u32 << self.bits) - 1
    }

    /// Adds the row of the feature with linear index `index` to `sums` (one per unit).
    pub(crate) fn add(&self, index: u32, sums: &mut [i32]) {
        let row = (index & self.mask()) as usize * self.dims;
        for (sum, &v) in sums.iter_mut().zip(&self.table[row..row + self.dims]) {
            *sum += i32::from(v);
        }
    }

    /// The log-odds from the summed rows, every feature having the value `value`.
    pub(crate) fn margin(&self, sums: &[i32], value: f32) -> f32 {
        let factor = self.scale * value;
        let mut margin = self.bias;
        for ((&sum, &b), &w) in sums.iter().zip(&self.unit_bias).zip(&self.unit_weight) {
            let unit = (b + sum as f32 * factor).max(0.0);
            margin += unit * w;
        }
        margin
    }

    /// The header lines and the table's bytes, for the model file.
    pub(crate) fn header(&self) -> Vec<(&'static str, String)> {
        let join = |values: &[f32]| values.iter().map(|v| format!("{v:e}")).collect::<Vec<_>>().join(" ");
        vec![
            ("hidden_bits", self.bits.to_string()),
            ("hidden_dims", self.dims.to_string()),
            ("hidden_scale", format!("{:e}", self.scale)),
            ("hidden_bias", format!("{:e}", self.bias)),
            ("hidden_unit_bias", join(&self.unit_bias)),
            ("hidden_unit_weight", join(&self.unit_weight)),
        ]
    }

    pub(crate) fn table_bytes(&self) -> Vec<u8> {
        self.table.iter().map(|&v| v as u8).collect()
    }

    /// A hidden layer read from a model file's header values and table bytes.
    pub(crate) fn from_parts(bits: u32, dims: usize, scale: f32, bias: f32, unit_bias: Vec<f32>, unit_weight: Vec<f32>, bytes: &[u8]) -> Result<Self, String> {
        if !(8..=24).contains(&bits) || dims == 0 || dims > 256 {
            return Err("`hidden_bits` must be 8–24 and `hidden_dims` 1–256".into());
        }
        if unit_bias.len() != dims || unit_weight.len() != dims {
            return Err(format!("`hidden_unit_bias` and `hidden_unit_weight` must have {dims} numbers each"));
        }
        if bytes.len() != dims << bits {
            return Err(format!("expected a hidden table of {} numbers, found {}", dims << bits, bytes.len()));
        }
        let table = bytes.iter().map(|&b| b as i8).collect();
        Ok(HiddenLayer { bits, dims, table, scale, unit_bias, unit_weight, bias })
    }
}

/// Trains a hidden layer on `examples` (features indexed as for a linear model of at least
/// `options.bits` bits) by AdaGrad on the weighted log-loss, deterministically.
pub(crate) fn fit_hidden(examples: &[&super::train::Example], options: HiddenOptions) -> HiddenLayer {
    let dims = options.dims;
    let rows = 1usize << options.bits;
    let mask = (rows - 1) as u32;
    let mut rng = SplitMix(options.seed);
    let mut uniform = |spread: f32| ((rng.next() >> 40) as f32 / (1u64 << 24) as f32 * 2.0 - 1.0) * spread;
    let mut table: Vec<f32> = (0..rows * dims).map(|_| uniform(options.spread)).collect();
    let ratio: Vec<f32> = if options.naive_bayes {
        super::train::naive_bayes_ratio(examples, options.bits).into_iter().map(|r| r as f32).collect()
    } else {
        vec![1.0; rows]
    };
    let mut unit_bias = vec![0.0f32; dims];
    let mut unit_weight: Vec<f32> = (0..dims).map(|_| uniform(0.5)).collect();
    let mut bias = 0.0f32;
    let mut table_g = vec![1e-6f32; rows * dims];
    let (mut unit_bias_g, mut unit_weight_g, mut bias_g) = (vec![1e-6f32; dims], vec![1e-6f32; dims], 1e-6f32);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut shuffler = SplitMix(options.seed ^ 0x5EED);
    let (mut pre, mut grad_unit) = (vec![0.0f32; dims], vec![0.0f32; dims]);
    let step = |param: &mut f32, accumulated: &mut f32, g: f32| {
        *accumulated += g * g;
        *param -= options.rate * g / accumulated.sqrt();
    };
    for _ in 0..options.epochs {
        shuffler.shuffle(&mut order);
        for &at in &order {
            let example = examples[at];
            let features: &[Feature] = &example.features;
            pre.copy_from_slice(&unit_bias);
            for feature in features {
                let slot = (feature.index & mask) as usize;
                let value = feature.value * ratio[slot];
                for (p, &v) in pre.iter_mut().zip(&table[slot * dims..(slot + 1) * dims]) {
                    *p += v * value;
                }
            }
            let margin = bias + pre.iter().zip(&unit_weight).map(|(&p, &w)| p.max(0.0) * w).sum::<f32>();
            let p = 1.0 / (1.0 + (-margin.clamp(-35.0, 35.0)).exp());
            let (y, importance) = if example.offensive { (1.0, options.positive_weight) } else { (0.0, 1.0) };
            let g_out = (p - y) * importance;
            for unit in 0..dims {
                grad_unit[unit] = if pre[unit] > 0.0 { g_out * unit_weight[unit] } else { 0.0 };
                step(&mut unit_weight[unit], &mut unit_weight_g[unit], g_out * pre[unit].max(0.0));
                step(&mut unit_bias[unit], &mut unit_bias_g[unit], grad_unit[unit]);
            }
            step(&mut bias, &mut bias_g, g_out);
            for feature in features {
                let slot = (feature.index & mask) as usize;
                let row = slot * dims;
                let value = feature.value * ratio[slot];
                for unit in 0..dims {
                    let g = grad_unit[unit] * value;
                    if g != 0.0 {
                        step(&mut table[row + unit], &mut table_g[row + unit], g);
                    }
                }
            }
        }
    }
    // The ratio is folded into the table: a feature's row is what it adds, ratio and all.
    for (row, r) in table.chunks_mut(dims).zip(&ratio) {
        row.iter_mut().for_each(|v| *v *= r);
    }
    let largest = table.iter().fold(0.0f32, |m, v| m.max(v.abs()));
    let scale = if largest > 0.0 { largest / 127.0 } else { 1.0 };
    let table = table.iter().map(|v| (v / scale).round().clamp(-127.0, 127.0) as i8).collect();
    HiddenLayer { bits: options.bits, dims, table, scale, unit_bias, unit_weight, bias }
}
