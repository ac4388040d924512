package io.synergy.registry.web;

import io.synergy.contracts.app.AppDeployed;
import io.synergy.registry.application.AppRegistry;
import io.synergy.registry.application.AppRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** {@code /api/apps}: deploy (validated against models and capabilities), list, undeploy. */
@RestController
@RequestMapping("/api/apps")
public class AppController {

    private final AppRegistry registry;
    private final RegistryMetrics metrics;

    public AppController(AppRegistry registry, RegistryMetrics metrics) {
        this.registry = registry;
        this.metrics = metrics;
    }

    @PostMapping
    public ResponseEntity<AppDeployed> deploy(@RequestBody AppRequest request) {
        AppDeployed app = registry.deploy(request);
        metrics.written("app", "register");
        return ResponseEntity.created(URI.create("/api/apps/" + app.appId())).body(app);
    }

    @GetMapping
    public List<AppDeployed> all() {
        return registry.all();
    }

    @GetMapping("/{id}")
    public AppDeployed one(@PathVariable("id") String id) {
        return registry.find(id);
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> undeploy(@PathVariable("id") String id) {
        registry.undeploy(id);
        metrics.written("app", "remove");
        return ResponseEntity.noContent().build();
    }
}
