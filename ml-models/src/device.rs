//! Picks the compute device. CPU everywhere by default; CUDA only when built for it.

use candle_core::Device;

/// The device models run on. The product and its tests run on CPU.
pub fn default_device() -> Device {
    Device::Cpu
}

#[cfg(test)]
mod tests {
    #[test]
    fn cpu_tensor_math_works() {
        let d = super::default_device();
        let t = candle_core::Tensor::new(&[1f32, 2., 3.], &d).unwrap();
        let s: f32 = t.sum_all().unwrap().to_scalar().unwrap();
        assert_eq!(s, 6.0);
    }
}
