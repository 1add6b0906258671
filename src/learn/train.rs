//! Training: logistic regression by FTRL-Proximal (McMahan et al., "Ad Click Prediction: a View from
//! the Trenches", KDD 2013), deterministic.
//!
//! FTRL suits hashed sparse features: each weight has its own learning rate, L1 keeps unused weights
//! at exactly zero, and one pass costs only the features present. Examples are visited in an order
//! shuffled by a fixed seed, so the same data gives the same model, bit for bit.

use super::Feature;

/// How to train. The defaults are the ones the shipped model was trained with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct TrainOptions {
    pub epochs: usize,
    pub alpha: f64,
    pub beta: f64,
    pub l1: f64,
    pub l2: f64,
    /// How much more an offensive example counts than a clean one.
    pub positive_weight: f64,
    pub seed: u64,
    /// Scale each feature by its Naive-Bayes log-count ratio before fitting (Wang & Manning,
    /// "Baselines and Bigrams", ACL 2012); the ratio is folded into the saved weights.
    pub naive_bayes: bool,
    /// Train this many times, each visiting the examples in another order, and average the
    /// weights: a linear model still, with less of the noise of one order.
    pub bags: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions { epochs: 15, alpha: 1.0, beta: 1.0, l1: 0.05, l2: 0.1, positive_weight: 2.0, seed: 20_260_512, naive_bayes: true, bags: 1 }
    }
}

/// One training example: its features and whether it is offensive.
pub(crate) struct Example {
    pub features: Vec<Feature>,
    pub offensive: bool,
}

/// SplitMix64: a small, fixed generator, so shuffles do not change with a crate's version.
pub(crate) struct SplitMix(pub u64);

impl SplitMix {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Fisher–Yates.
    pub(crate) fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// Trains a bias and `1 << bits` weights.
pub(crate) fn fit(examples: &[&Example], bits: u32, options: TrainOptions) -> (f32, Vec<f32>) {
    let bags = options.bags.max(1);
    if bags == 1 {
        return fit_once(examples, bits, options);
    }
    let mut bias = 0.0;
    let mut weights = vec![0.0f32; 1 << bits];
    for bag in 0..bags {
        let (b, w) = fit_once(examples, bits, TrainOptions { seed: options.seed.wrapping_add(bag as u64), ..options });
        bias += b / bags as f32;
        for (sum, w) in weights.iter_mut().zip(w) {
            *sum += w / bags as f32;
        }
    }
    (bias, weights)
}

fn fit_once(examples: &[&Example], bits: u32, options: TrainOptions) -> (f32, Vec<f32>) {
    let size = (1usize << bits) + 1; // the last slot is the bias
    let bias_slot = size - 1;
    let mut z = vec![0.0f64; size];
    let mut n = vec![0.0f64; size];
    let weight = |z: f64, n: f64, l1: f64| -> f64 {
        if z.abs() <= l1 {
            0.0
        } else {
            -(z - z.signum() * l1) / ((options.beta + n.sqrt()) / options.alpha + options.l2)
        }
    };
    let ratio = if options.naive_bayes { naive_bayes_ratio(examples, bits) } else { vec![1.0; size - 1] };
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = SplitMix(options.seed);
    let mut slots: Vec<(usize, f64)> = Vec::new();
    for _ in 0..options.epochs {
        rng.shuffle(&mut order);
        for &at in &order {
            let example = examples[at];
            slots.clear();
            slots.extend(example.features.iter().map(|f| (f.index as usize, f64::from(f.value) * ratio[f.index as usize])));
            slots.push((bias_slot, 1.0));
            let mut margin = 0.0;
            let mut current: Vec<f64> = Vec::with_capacity(slots.len());
            for &(slot, value) in &slots {
                // The bias is not shrunk toward zero.
                let l1 = if slot == bias_slot { 0.0 } else { options.l1 };
                let w = weight(z[slot], n[slot], l1);
                current.push(w);
                margin += w * value;
            }
            let p = 1.0 / (1.0 + (-margin.clamp(-35.0, 35.0)).exp());
            let (y, importance) = if example.offensive { (1.0, options.positive_weight) } else { (0.0, 1.0) };
            let residual = (p - y) * importance;
            for (&(slot, value), w) in slots.iter().zip(&current) {
                let g = residual * value;
                let sigma = ((n[slot] + g * g).sqrt() - n[slot].sqrt()) / options.alpha;
                z[slot] += g - sigma * w;
                n[slot] += g * g;
            }
        }
    }
    let weights: Vec<f32> = (0..bias_slot).map(|slot| (weight(z[slot], n[slot], options.l1) * ratio[slot]) as f32).collect();
    (weight(z[bias_slot], n[bias_slot], 0.0) as f32, weights)
}

/// log((p / |p|) / (q / |q|)) per weight, p and q the smoothed counts of a feature in offensive and
/// clean examples.
fn naive_bayes_ratio(examples: &[&Example], bits: u32) -> Vec<f64> {
    let size = 1usize << bits;
    let (mut p, mut q) = (vec![1.0f64; size], vec![1.0f64; size]);
    for example in examples {
        let counts = if example.offensive { &mut p } else { &mut q };
        for feature in &example.features {
            counts[feature.index as usize] += 1.0;
        }
    }
    let (p_total, q_total): (f64, f64) = (p.iter().sum(), q.iter().sum());
    p.iter().zip(&q).map(|(p, q)| ((p / p_total) / (q / q_total)).ln()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(indices: &[u32], offensive: bool) -> Example {
        let value = 1.0 / (indices.len() as f32).sqrt();
        Example { features: indices.iter().map(|&index| Feature { index, value, words: 0..1 }).collect(), offensive }
    }

    fn data() -> Vec<Example> {
        (0..200u32).map(|i| if i % 3 == 0 { example(&[1, 2, 10 + i % 7], true) } else { example(&[3, 4, 10 + i % 7], false) }).collect()
    }

    #[test]
    fn the_same_data_gives_the_same_weights() {
        let data = data();
        let refs: Vec<&Example> = data.iter().collect();
        for naive_bayes in [false, true] {
            let options = TrainOptions { naive_bayes, ..TrainOptions::default() };
            assert_eq!(fit(&refs, 8, options), fit(&refs, 8, options));
        }
    }

    #[test]
    fn features_of_the_offensive_class_get_positive_weights() {
        let data = data();
        let refs: Vec<&Example> = data.iter().collect();
        let (_, weights) = fit(&refs, 8, TrainOptions::default());
        assert!(weights[1] > 0.0 && weights[2] > 0.0, "{:?}", &weights[..5]);
        assert!(weights[3] < 0.0 && weights[4] < 0.0, "{:?}", &weights[..5]);
    }

    #[test]
    fn a_shuffle_is_a_permutation_fixed_by_its_seed() {
        let mut a: Vec<u32> = (0..50).collect();
        let mut b = a.clone();
        SplitMix(7).shuffle(&mut a);
        SplitMix(7).shuffle(&mut b);
        assert_eq!(a, b);
        let mut sorted = a.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..50).collect::<Vec<_>>());
        assert_ne!(a, (0..50).collect::<Vec<_>>());
    }
}
