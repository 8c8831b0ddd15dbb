using System.ComponentModel.DataAnnotations;

namespace Microsolidarity.Hub.Platform.Observability;

/// <summary>
/// What an operator can see from outside (section <c>Telemetry</c>). Everything is off by default: a one-server
/// hub loads none of the telemetry libraries and answers 404 at <c>/metrics</c>.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>
    /// An OpenTelemetry collector's OTLP address (<c>http://127.0.0.1:4318</c> for OTLP over HTTP, or port 4317
    /// with <see cref="OtlpProtocol"/> <c>grpc</c>). Set, the hub exports its traces and metrics there.
    /// </summary>
    [Url(ErrorMessage = "Telemetry:OtlpEndpoint must be an absolute address, for example http://127.0.0.1:4318.")]
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>http</c> (OTLP over HTTP with protobuf, the default) or <c>grpc</c>.</summary>
    [RegularExpression("^(http|grpc)$", ErrorMessage = "Telemetry:OtlpProtocol must be http or grpc.")]
    public string OtlpProtocol { get; set; } = "http";

    /// <summary>The service name in traces and metrics; tells several hubs of one operator apart.</summary>
    [Required, StringLength(100)]
    public string ServiceName { get; set; } = "microsolidarity-hub";

    /// <summary>Serve Prometheus' text format at <c>/metrics</c>.</summary>
    public bool PrometheusEnabled { get; set; }

    /// <summary>
    /// A scraper must send <c>Authorization: Bearer</c> with this token. Without one, <c>/metrics</c> answers only
    /// requests from the machine itself (loopback), after the reverse proxy's forwarded address is applied.
    /// </summary>
    [MinLength(16, ErrorMessage = "Telemetry:PrometheusToken must be at least 16 characters: it guards what the hub is doing.")]
    public string? PrometheusToken { get; set; }

    public bool Enabled => PrometheusEnabled || !string.IsNullOrWhiteSpace(OtlpEndpoint);
}
