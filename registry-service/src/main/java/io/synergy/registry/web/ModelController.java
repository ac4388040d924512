package io.synergy.registry.web;

import io.synergy.core.network.Model;
import io.synergy.registry.application.InvalidInputException;
import io.synergy.registry.application.ModelImport;
import io.synergy.registry.application.ModelRegistry;
import io.synergy.registry.application.ModelSummary;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

/** {@code /api/models}: register from ai8x files or a model package, list, describe, delete. */
@RestController
@RequestMapping("/api/models")
public class ModelController {

    private final ModelRegistry registry;
    private final ModelImport modelImport;
    private final RegistryMetrics metrics;

    public ModelController(ModelRegistry registry, ModelImport modelImport, RegistryMetrics metrics) {
        this.registry = registry;
        this.modelImport = modelImport;
        this.metrics = metrics;
    }

    /** An ai8x network description ({@code yaml}), its quantized {@code checkpoint}, the input shape and a name. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<ModelSummary> registerAi8x(@RequestParam("name") String name,
                                                     @RequestParam("inputShape") String inputShape,
                                                     @RequestParam(name = "description", required = false) String description,
                                                     @RequestPart("yaml") MultipartFile yaml,
                                                     @RequestPart("checkpoint") MultipartFile checkpoint) {
        byte[] yamlBytes = bytesOf("yaml", yaml, modelImport.limits().maxYamlBytes());
        byte[] checkpointBytes = bytesOf("checkpoint", checkpoint, modelImport.limits().maxCheckpointBytes());
        Model model = modelImport.fromAi8x(name, yamlBytes, checkpointBytes, inputShape);
        return created(registry.register(name, description, model));
    }

    /** A Synergy model package (docs/model-package.md) as the body; the model is named after its network. */
    @PostMapping(consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    public ResponseEntity<ModelSummary> registerPackage(HttpServletRequest request,
                                                        @RequestParam(name = "description", required = false)
                                                        String description) throws IOException {
        long limit = modelImport.limits().maxPackageBytes();
        if (request.getContentLengthLong() > limit) {
            throw tooLarge("modelPackage", request.getContentLengthLong(), limit);
        }
        byte[] content;
        try (InputStream in = request.getInputStream()) {
            // read one byte past the limit, never the whole of an oversized body
            content = in.readNBytes((int) limit + 1);
        }
        if (content.length > limit) {
            throw tooLarge("modelPackage", content.length, limit);
        }
        Model model = modelImport.fromPackage(content);
        return created(registry.register(model.name(), description, model));
    }

    /** Registers a zoo model under its zoo name, e.g. {@code POST /api/models/zoo/kws}. */
    @PostMapping("/zoo/{zooName}")
    public ResponseEntity<ModelSummary> registerZoo(@PathVariable("zooName") String zooName) {
        return created(registry.registerZoo(zooName));
    }

    /** The zoo names {@code POST /api/models/zoo/{zooName}} takes. */
    @GetMapping("/zoo")
    public List<String> zooNames() {
        return registry.zooNames();
    }

    @GetMapping
    public List<ModelSummary> all() {
        return registry.summaries();
    }

    @GetMapping("/{name}")
    public ModelSummary one(@PathVariable("name") String name) {
        return registry.summary(name);
    }

    @DeleteMapping("/{name}")
    public ResponseEntity<Void> delete(@PathVariable("name") String name) {
        registry.remove(name);
        metrics.written("model", "remove");
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<ModelSummary> created(ModelSummary summary) {
        metrics.written("model", "register");
        return ResponseEntity.created(URI.create("/api/models/" + summary.name())).body(summary);
    }

    private static byte[] bytesOf(String field, MultipartFile file, long limit) {
        if (file.getSize() > limit) {
            throw tooLarge(field, file.getSize(), limit);
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new InvalidInputException("unreadable-upload", field, field + ": the upload cannot be read: "
                    + e.getMessage());
        }
    }

    private static InvalidInputException tooLarge(String field, long size, long limit) {
        return new InvalidInputException("too-large", field, limit + " bytes", field + ": " + size
                + " bytes exceeds the limit of " + limit + " bytes");
    }
}
