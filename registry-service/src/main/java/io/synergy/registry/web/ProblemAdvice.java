package io.synergy.registry.web;

import io.synergy.registry.application.ConflictException;
import io.synergy.registry.application.InvalidInputException;
import io.synergy.registry.application.NotFoundException;
import io.synergy.registry.application.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as an RFC 9457 problem detail with a stable {@code code}, and for input errors the
 * {@code field} and the {@code limit}. Never a stack trace: unexpected failures are logged here and
 * answered with a generic 500.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemAdvice.class);
    private static final String TOO_LARGE = "too-large";

    private final MultipartProperties multipart;
    private final RegistryMetrics metrics;

    public ProblemAdvice(MultipartProperties multipart, RegistryMetrics metrics) {
        this.multipart = multipart;
        this.metrics = metrics;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        // an upload over its limit is 413 (with the same field and limit); other bad input is 400
        HttpStatus status = TOO_LARGE.equals(e.code()) ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = problem(status, e.code(), e.getMessage());
        problem.setProperty("field", e.field());
        if (e.limit() != null) {
            problem.setProperty("limit", e.limit());
        }
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.code(), e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, e.code(), e.getMessage());
    }

    @ExceptionHandler(StoreUnavailableException.class)
    ProblemDetail storeUnavailable(StoreUnavailableException e) {
        LOG.warn("state store unavailable: {}", e.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        LOG.error("unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "the registry failed unexpectedly; see its log");
    }

    /** The multipart upload broke spring.servlet.multipart.max-file-size or max-request-size. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        String limit = multipart.getMaxFileSize().toBytes() + " bytes per file, "
                + multipart.getMaxRequestSize().toBytes() + " bytes per request";
        ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE,
                "multipart: the upload exceeds the limit of " + limit);
        problem.setProperty("field", "multipart");
        problem.setProperty("limit", limit);
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "malformed-body",
                "body: not a readable JSON object of the expected fields");
        problem.setProperty("field", "body");
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "missing-field",
                e.getRequestPartName() + ": required part is missing");
        problem.setProperty("field", e.getRequestPartName());
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "missing-field",
                e.getParameterName() + ": required field is missing");
        problem.setProperty("field", e.getParameterName());
        return ResponseEntity.badRequest().body(problem);
    }

    /** Spring's own 4xx (missing part or parameter, malformed JSON, wrong media type) get a code too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail) {
            ProblemDetail problem = (ProblemDetail) response.getBody();
            if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
                problem.setProperty("code", codeOf(status));
                metrics.rejected(codeOf(status));
            }
        }
        return response;
    }

    private static String codeOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "http-" + status.value()
                : known.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private ProblemDetail problem(HttpStatus status, String code, String detail) {
        metrics.rejected(code);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return problem;
    }
}
