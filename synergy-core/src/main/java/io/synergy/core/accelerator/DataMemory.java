package io.synergy.core.accelerator;

/**
 * Activation (data) memory: {@code instances} memories of {@code instanceBytes} bytes, each shared by
 * {@code processorsPerInstance} neighbouring processors. In HWC layout one 32-bit word of an instance
 * holds one pixel of 4 channels (one byte lane per processor), so a tensor of H x W pixels with
 * {@code e} passes occupies 4 * H * W * e bytes of every instance its channels use.
 *
 * <p>Source: ai8x-synthesis {@code izer/tornadocnn.py} ({@code INSTANCE_WIDTH * 16} bytes per
 * instance, {@code P_SHARED}) and the size checks in {@code izer/backend/max7800x.py}.
 */
public record DataMemory(int instances, int instanceBytes, int processorsPerInstance) {

    public DataMemory {
        if (instances < 1 || instanceBytes < 1 || processorsPerInstance < 1) {
            throw new IllegalArgumentException("data memory: instances, instance bytes and processors per instance"
                    + " must be >= 1, got " + this);
        }
    }

    public long totalBytes() {
        return (long) instances * instanceBytes;
    }

    /**
     * Bytes one processor can address: its byte lane of its instance (MAX78000: 8 KiB, one channel of
     * up to 8,192 pixels per pass; MAX78002: 20 KiB).
     */
    public int bytesPerProcessor() {
        return instanceBytes / processorsPerInstance;
    }
}
