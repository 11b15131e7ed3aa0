package kol.audio.vad;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Silero VAD for one call, on a shared {@link SileroModel}. The model takes 256-sample windows at 8 kHz
 * while calls deliver 160-sample frames, so samples are buffered and the model runs each time a whole
 * window has arrived: on three frames in five, non-overlapping, as the recurrent state expects. A frame
 * gets the probability of the latest window, so a decision lags the audio by at most 32 ms.
 *
 * <p>The input and state tensors wrap direct buffers made once; each inference still allocates ONNX
 * Runtime's result objects (a few hundred bytes). One owner thread; {@link #close()} when the call ends.
 */
public final class SileroVad implements VoiceActivityDetector, AutoCloseable {

    private static final float PCM_SCALE = 1f / 32768;
    private static final long SAMPLE_RATE_HZ = 8000;

    private final SileroModel model;
    private final int context;
    private final float[] pending = new float[SileroModel.WINDOW_SAMPLES + FRAME_SAMPLES];
    private int pendingSamples;
    private final FloatBuffer input;
    private final OnnxTensor inputTensor;
    private final OnnxTensor rateTensor;
    /** v4: h and c; v5: state. Held as the previous result's outputs, fed back as inputs. */
    private final Map<String, OnnxTensor> inputs = new HashMap<>();
    private final OnnxTensor[] initialState;
    private OrtSession.Result previous;
    private float probability;
    private long inferences;

    SileroVad(SileroModel model) {
        this.model = model;
        this.context = model.version() == SileroModel.Version.V5 ? SileroModel.V5_CONTEXT_SAMPLES : 0;
        int inputSamples = context + SileroModel.WINDOW_SAMPLES;
        this.input = ByteBuffer.allocateDirect(inputSamples * Float.BYTES).order(ByteOrder.nativeOrder())
                .asFloatBuffer();
        try {
            this.inputTensor = OnnxTensor.createTensor(model.environment(), input, new long[] {1, inputSamples});
            this.rateTensor = OnnxTensor.createTensor(model.environment(), SAMPLE_RATE_HZ);
            if (model.version() == SileroModel.Version.V4) {
                initialState = new OnnxTensor[] {zeros(2, 1, 64), zeros(2, 1, 64)};
            } else {
                initialState = new OnnxTensor[] {zeros(2, 1, 128)};
            }
        } catch (OrtException e) {
            throw new VadModelException("cannot make Silero's input tensors", e);
        }
        inputs.put("input", inputTensor);
        inputs.put("sr", rateTensor);
        reset();
    }

    @Override
    public float speechProbability(short[] pcm8k, int off) {
        for (int i = 0; i < FRAME_SAMPLES; i++) {
            pending[pendingSamples++] = pcm8k[off + i] * PCM_SCALE;
        }
        if (pendingSamples >= SileroModel.WINDOW_SAMPLES) {
            probability = infer();
            inferences++;
            pendingSamples -= SileroModel.WINDOW_SAMPLES;
            System.arraycopy(pending, SileroModel.WINDOW_SAMPLES, pending, 0, pendingSamples);
        }
        return probability;
    }

    private float infer() {
        // v5's context is the tail of the previous window, still in the buffer's first slots from last time.
        input.position(context);
        input.put(pending, 0, SileroModel.WINDOW_SAMPLES);
        try {
            OrtSession.Result result = model.session().run(inputs);
            float p = ((float[][]) result.get(0).getValue())[0][0];
            if (model.version() == SileroModel.Version.V4) {
                inputs.put("h", state(result, "hn"));
                inputs.put("c", state(result, "cn"));
            } else {
                inputs.put("state", state(result, "stateN"));
            }
            closePrevious();
            previous = result;
            if (context > 0) {
                for (int i = 0; i < context; i++) {
                    input.put(i, input.get(SileroModel.WINDOW_SAMPLES + i));
                }
            }
            return p;
        } catch (OrtException e) {
            throw new IllegalStateException("Silero VAD inference failed on " + model.file(), e);
        }
    }

    private static OnnxTensor state(OrtSession.Result result, String name) {
        OnnxValue value = result.get(name).orElseThrow(
                () -> new IllegalStateException("Silero VAD gave no " + name + " output"));
        return (OnnxTensor) value;
    }

    @Override
    public void reset() {
        closePrevious();
        if (initialState.length == 2) {
            inputs.put("h", initialState[0]);
            inputs.put("c", initialState[1]);
        } else {
            inputs.put("state", initialState[0]);
        }
        for (int i = 0; i < input.capacity(); i++) {
            input.put(i, 0f);
        }
        pendingSamples = 0;
        probability = 0;
        inferences = 0;
    }

    @Override
    public String name() {
        return "silero";
    }

    /** Model runs since creation or reset: three per five frames. */
    public long inferences() {
        return inferences;
    }

    /** Frees this call's native tensors; the shared model stays loaded. */
    @Override
    public void close() {
        closePrevious();
        inputTensor.close();
        rateTensor.close();
        for (OnnxTensor tensor : initialState) {
            tensor.close();
        }
    }

    private void closePrevious() {
        if (previous != null) {
            previous.close();
            previous = null;
        }
    }

    private OnnxTensor zeros(long... shape) throws OrtException {
        int n = 1;
        for (long d : shape) {
            n *= (int) d;
        }
        FloatBuffer buffer = ByteBuffer.allocateDirect(n * Float.BYTES).order(ByteOrder.nativeOrder())
                .asFloatBuffer();
        return OnnxTensor.createTensor(model.environment(), buffer, shape);
    }
}
