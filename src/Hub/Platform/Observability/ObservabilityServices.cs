using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Microsolidarity.Hub.Platform.Observability;

/// <summary>
/// What operators see from outside: OpenTelemetry traces and metrics (OTLP to their collector, Prometheus'
/// scrape at <c>/metrics</c>), and <c>/readyz</c> for a load balancer. Telemetry is off by default, and the
/// methods that touch its libraries are kept apart (<see cref="MethodImplOptions.NoInlining"/>) so a hub without
/// it never loads them: a one-server hub pays nothing in memory or start time.
/// </summary>
public static class ObservabilityServices
{
    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelemetryOptions>()
            .Bind(builder.Configuration.GetSection(TelemetryOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // Ready means: the database answers, every migration is applied, and files can be written.
        builder.Services.AddHealthChecks()
            .AddCheck<MigrationsCheck>("migrations", tags: [ReadyTag])
            .AddCheck<FilesCheck>("files", tags: [ReadyTag]);
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new();
        if (options.Enabled)
        {
            AddOpenTelemetry(builder, options);
        }
        return builder;
    }

    public const string ReadyTag = "ready";

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddOpenTelemetry(WebApplicationBuilder builder, TelemetryOptions options)
    {
        var otlp = !string.IsNullOrWhiteSpace(options.OtlpEndpoint);
        void Otlp(OtlpExporterOptions o, string signal)
        {
            var grpc = options.OtlpProtocol == "grpc";
            o.Protocol = grpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
            // Over HTTP each signal has its own path under the collector's address; gRPC takes the address as it is.
            o.Endpoint = new Uri(grpc ? options.OtlpEndpoint! : options.OtlpEndpoint!.TrimEnd('/') + "/v1/" + signal);
        }
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName, serviceVersion: typeof(ObservabilityServices).Assembly.GetName().Version?.ToString(),
                serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}"))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter(HubTelemetry.Name, "Microsoft.EntityFrameworkCore", "Npgsql");
                if (options.PrometheusEnabled)
                {
                    metrics.AddPrometheusExporter();
                }
                if (otlp)
                {
                    metrics.AddOtlpExporter((exporter, reader) =>
                    {
                        Otlp(exporter, "metrics");
                        reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 10_000;
                    });
                }
            });
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(HubTelemetry.Name, "Npgsql")
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddOtlpExporter(o => Otlp(o, "traces")));
        }
    }

    /// <summary>Probes and scrapes come every few seconds and say nothing about the hub's work: no trace for them.</summary>
    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz") || path.StartsWithSegments("/metrics");

    public static WebApplication MapObservability(this WebApplication app)
    {
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReadinessAsync,
        }).DisableRateLimiting();
        var options = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        if (options.PrometheusEnabled)
        {
            MapPrometheus(app, options);
        }
        return app;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void MapPrometheus(WebApplication app, TelemetryOptions options) =>
        app.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (context, next) =>
        {
            if (MayScrape(context, options) is { } refusal)
            {
                context.Response.StatusCode = refusal;
                if (refusal == StatusCodes.Status401Unauthorized)
                {
                    context.Response.Headers.WWWAuthenticate = "Bearer";
                }
                return;
            }
            await next(context);
        }), optionsName: null).DisableRateLimiting();

    /// <summary>
    /// Null when the request may read the metrics; otherwise its status: 401 without the configured token, and
    /// 404 (as if there were nothing here) for a request from elsewhere when no token is configured.
    /// </summary>
    internal static int? MayScrape(HttpContext context, TelemetryOptions options)
    {
        if (!string.IsNullOrEmpty(options.PrometheusToken))
        {
            var given = context.Request.Headers.Authorization.ToString();
            var expected = "Bearer " + options.PrometheusToken;
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected))
                ? null : StatusCodes.Status401Unauthorized;
        }
        return context.Connection.RemoteIpAddress is { } address && System.Net.IPAddress.IsLoopback(address)
            ? null : StatusCodes.Status404NotFound;
    }

    /// <summary>Each check's state in a line a person can read, so an operator sees what is not ready.</summary>
    private static Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status == HealthStatus.Healthy
            ? "ready" : e.Value.Description ?? e.Value.Exception?.Message ?? e.Value.Status.ToString());
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { status = report.Status == HealthStatus.Healthy ? "ready" : "not ready", checks }));
    }
}
