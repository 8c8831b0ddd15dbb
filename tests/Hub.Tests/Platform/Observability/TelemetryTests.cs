using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsolidarity.Hub.Testing;
using Npgsql;

namespace Microsolidarity.Hub.Tests.Platform.Observability;

/// <summary>
/// What an operator sees from outside: <c>/readyz</c>, and telemetry when it is turned on. The metrics are scraped
/// by a real Prometheus (Debian's, started here on loopback) through the token, and checked by its promtool; the
/// traces go over OTLP/HTTP to a listener on loopback that keeps what it receives (no OpenTelemetry collector is
/// packaged for this machine; the bodies are OTLP's protobuf, searched for the names they must carry).
/// </summary>
public sealed class TelemetryTests
{
    private const string Token = "a-scrape-token-of-some-length";

    [Fact]
    public async Task ByDefault_MetricsAre404_ReadyzSaysReady_AndNoTelemetryLibraryIsLoaded()
    {
        await using var database = await TestDatabase.CreateAsync(migrated: true);
        var folder = TestPaths.NewTemporaryDirectory("hub-telemetry-off");
        await database.PrepareDataDirectoryAsync(Path.Combine(folder, "data"));
        var settings = database.Settings().ToDictionary(s => s.Key, s => s.Value);
        settings["Hub:SeedDemo"] = "false";
        await using var hub = await HubProcess.StartAsync(folder, settings);
        using var http = new HttpClient { BaseAddress = new Uri(hub.BaseUrl) };

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/metrics")).StatusCode);
        var ready = await http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("ready", report.RootElement.GetProperty("status").GetString());
        Assert.Equal(["database", "files", "migrations"],
            report.RootElement.GetProperty("checks").EnumerateObject().Select(c => c.Name).Order());

        // Off means off: a one-server hub pays nothing for telemetry it does not use.
        var maps = await File.ReadAllTextAsync($"/proc/{hub.ProcessId}/maps");
        Assert.DoesNotContain("OpenTelemetry", maps);
    }

    [Fact]
    public async Task Readyz_WithAMigrationNotApplied_IsNotReady_AndSaysWhat()
    {
        await using var hub = await HubFactory.StartAsync(smtp: false);
        await using (var connection = hub.Database.IsPostgres ? (System.Data.Common.DbConnection)new NpgsqlConnection(hub.Database.ConnectionString)
            : new SqliteConnection($"Data Source={Path.Combine(hub.DataDirectory, "hub.db")}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = (SELECT MAX(\"MigrationId\") FROM \"__EFMigrationsHistory\")";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }
        var response = await hub.NewClient().Http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("not ready", report.RootElement.GetProperty("status").GetString());
        Assert.Contains("hub migrate", report.RootElement.GetProperty("checks").GetProperty("migrations").GetString());
        Assert.Equal("ready", report.RootElement.GetProperty("checks").GetProperty("database").GetString());
        // Alive all the same: a load balancer takes it out of rotation, a supervisor does not restart it.
        Assert.Equal(HttpStatusCode.OK, (await hub.NewClient().Http.GetAsync("/healthz")).StatusCode);
    }

    [Trait(DatabaseTrait.Name, DatabaseTrait.Either)] // checks metrics and traces; the database does not change it
    [Fact]
    public async Task Telemetry_On_PrometheusScrapesThroughTheToken_AndTracesReachTheCollector()
    {
        await using var otlp = await OtlpListener.StartAsync();
        await using var hub = await HubFactory.StartAsync(s =>
        {
            s["Telemetry:PrometheusEnabled"] = "true";
            s["Telemetry:PrometheusToken"] = Token;
            s["Telemetry:OtlpEndpoint"] = otlp.Address;
            s["Telemetry:ServiceName"] = "hub-under-test";
        }, kestrel: true);

        // Work for the instruments: a sign-up, whose confirmation email goes out through the outbox.
        var client = hub.NewClient();
        var (signedUp, _) = await client.SubmitAsync("/account/sign-up", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Metric Reader",
            ["Input.Email"] = "metrics@test.example",
            ["Input.Password"] = "a perfectly fine passphrase",
        });
        Assert.Equal(HttpStatusCode.Redirect, signedUp.StatusCode);
        await hub.DrainOutboxAsync();

        using var http = new HttpClient { BaseAddress = hub.Address };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/metrics")).StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "not-the-token-at-all") } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(wrong)).StatusCode);

        // The email may be on its way in the background worker: its attempt is counted once it is recorded. A request's
        // duration is recorded when the server has finished with it, which on a busy machine can come after the client
        // has its answer: wait for both (a CI run once scraped before the sign-up's duration was in).
        var metrics = "";
        var deadline = DateTime.UtcNow + HubProcess.HealthWait;
        while (!(metrics.Contains("outcome=\"sent\"") && metrics.Contains("http_server_request_duration_seconds_bucket{")) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(metrics.Length == 0 ? 0 : 100);
            using var scrape = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", Token) } };
            metrics = await (await http.SendAsync(scrape)).EnsureSuccessStatusCode().Content.ReadAsStringAsync();
        }
        Assert.Contains("hub_outbox_attempts_total{", metrics);
        Assert.Contains("outcome=\"sent\"", metrics);
        Assert.Contains("hub_outbox_waiting{", metrics);
        Assert.Contains("http_server_request_duration_seconds_bucket{", metrics);
        // promtool parses the whole scrape (a format error fails it) and lints each name: the hub's own names must
        // pass its lint; the runtime's and EF Core's names are theirs (promtool dislikes "_count" on a gauge).
        var (_, lint) = await RunAsync("promtool", ["check", "metrics"], metrics);
        Assert.DoesNotContain("error while linting", lint);
        Assert.DoesNotContain(lint.Split('\n'), line => line.StartsWith("hub_", StringComparison.Ordinal));

        // A real Prometheus, scraping every second with the token, sees the hub up and its own counters.
        await using var prometheus = await Prometheus.StartAsync(hub.Address);
        var up = await prometheus.WaitForAsync("up{job=\"hub\"} == 1");
        Assert.NotEmpty(up);
        Assert.NotEmpty(await prometheus.WaitForAsync("hub_outbox_attempts_total{outbox=\"email\",outcome=\"sent\"}"));

        // Traces: the sign-up's request, with the service's name, over OTLP/HTTP (batched: within seconds).
        var traces = await otlp.WaitForAsync("/v1/traces", body => body.Contains("hub-under-test") && body.Contains("/account/sign-up"));
        Assert.NotNull(traces);
        Assert.Equal("application/x-protobuf", otlp.ContentTypes["/v1/traces"]);
    }

    [Trait(DatabaseTrait.Name, DatabaseTrait.Either)] // checks who may scrape; the database does not change it
    [Fact]
    public async Task Metrics_WithoutAToken_AnswerOnlyTheMachineItself()
    {
        await using var hub = await HubFactory.StartAsync(s =>
        {
            s["Telemetry:PrometheusEnabled"] = "true";
            s["ReverseProxy:KnownProxies:0"] = "127.0.0.1"; // as behind nginx on the same machine
        }, smtp: false, kestrel: true);
        using var http = new HttpClient { BaseAddress = hub.Address };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/metrics")).StatusCode); // loopback
        // Behind a proxy the client's own address counts (the proxy's forwarded header, trusted from loopback).
        using var forwarded = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "X-Forwarded-For", "203.0.113.7" } } };
        Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(forwarded)).StatusCode);
    }

    [Trait(DatabaseTrait.Name, DatabaseTrait.Either)] // checks a setting refused at start; the database does not change it
    [Fact]
    public async Task Settings_ATokenTooShort_RefusesToStartWithTheReason()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => HubFactory.StartAsync(s =>
        {
            s["Telemetry:PrometheusEnabled"] = "true";
            s["Telemetry:PrometheusToken"] = "short";
        }, smtp: false));
        Assert.Contains("Telemetry:PrometheusToken must be at least 16 characters", failure.ToString());
    }

    [Trait(DatabaseTrait.Name, DatabaseTrait.Either)] // checks log lines; the database does not change it
    [Fact]
    public async Task Logs_AsJsonBySetting_AreOneObjectPerLine()
    {
        await using var database = await TestDatabase.CreateAsync(migrated: false);
        var folder = TestPaths.NewTemporaryDirectory("hub-json-logs");
        var settings = database.Settings().ToDictionary(s => s.Key, s => s.Value);
        settings["Logging:Console:FormatterName"] = "json";
        var (exit, output) = await HubProcess.RunToEndAsync(folder, settings, "migrate");
        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith('{')).ToList();
        Assert.NotEmpty(lines);
        var applying = lines.Select(l => JsonDocument.Parse(l).RootElement).First(e => e.GetProperty("EventId").GetInt32() == 20402);
        Assert.Equal("Microsoft.EntityFrameworkCore.Migrations", applying.GetProperty("Category").GetString());
        Assert.True(applying.GetProperty("State").TryGetProperty("migration", out _), "the message's values come as fields of their own");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string[] args, string input)
    {
        var start = new ProcessStartInfo(program, args) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(HubProcess.HealthWait);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>Debian's Prometheus on a loopback port, scraping the hub every second with the token.</summary>
    private sealed class Prometheus : IAsyncDisposable
    {
        private readonly Process process;
        private readonly HttpClient http;
        private readonly StringBuilder log = new();

        private Prometheus(Process process, int port)
        {
            this.process = process;
            http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
            process.BeginErrorReadLine();
        }

        public static Task<Prometheus> StartAsync(Uri hub)
        {
            var folder = TestPaths.NewTemporaryDirectory("prometheus");
            var config = Path.Combine(folder, "prometheus.yml");
            File.WriteAllText(config, $"""
                global:
                  scrape_interval: 1s
                scrape_configs:
                  - job_name: hub
                    authorization:
                      credentials: {Token}
                    static_configs:
                      - targets: ['{hub.Authority}']
                """);
            var port = FreePort.Next();
            var start = new ProcessStartInfo("prometheus", [$"--config.file={config}", $"--storage.tsdb.path={Path.Combine(folder, "data")}",
                $"--web.listen-address=127.0.0.1:{port}"])
            { RedirectStandardError = true, RedirectStandardOutput = true };
            return Task.FromResult(new Prometheus(Process.Start(start)!, port));
        }

        /// <summary>The query's result once it has one; a guard of <see cref="HubProcess.HealthWait"/> against a hang.</summary>
        public async Task<List<JsonElement>> WaitForAsync(string query)
        {
            var deadline = DateTime.UtcNow + HubProcess.HealthWait;
            while (DateTime.UtcNow < deadline && !process.HasExited)
            {
                try
                {
                    using var answer = JsonDocument.Parse(await http.GetStringAsync("/api/v1/query?query=" + Uri.EscapeDataString(query)));
                    var result = answer.RootElement.GetProperty("data").GetProperty("result").EnumerateArray().Select(r => r.Clone()).ToList();
                    if (result.Count > 0)
                    {
                        return result;
                    }
                }
                catch (HttpRequestException)
                {
                    // still starting
                }
                await Task.Delay(200);
            }
            lock (log)
            {
                throw new TimeoutException($"Prometheus never answered {query}:\n{log}");
            }
        }

        public async ValueTask DisposeAsync()
        {
            http.Dispose();
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            process.Dispose();
        }
    }

    /// <summary>Receives OTLP over HTTP on a loopback port and keeps each body it was sent, by path.</summary>
    private sealed class OtlpListener : IAsyncDisposable
    {
        private readonly WebApplication app;
        private readonly List<(string Path, byte[] Body)> received = [];

        public Dictionary<string, string?> ContentTypes { get; } = [];

        public string Address { get; }

        private OtlpListener(WebApplication app, string address) => (this.app, Address) = (app, address);

        public static async Task<OtlpListener> StartAsync()
        {
            var port = FreePort.Next();
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
            var app = builder.Build();
            var listener = new OtlpListener(app, $"http://127.0.0.1:{port}");
            app.MapPost("/v1/{signal}", async (HttpContext context) =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                lock (listener.received)
                {
                    listener.received.Add((context.Request.Path, body.ToArray()));
                    listener.ContentTypes[context.Request.Path] = context.Request.ContentType;
                }
                return Results.Ok();
            });
            await app.StartAsync();
            return listener;
        }

        /// <summary>The first body sent to <paramref name="path"/> that <paramref name="matches"/> (its bytes read as Latin-1, so protobuf's strings show).</summary>
        public async Task<string?> WaitForAsync(string path, Func<string, bool> matches)
        {
            var deadline = DateTime.UtcNow + HubProcess.HealthWait;
            while (DateTime.UtcNow < deadline)
            {
                lock (received)
                {
                    if (received.Where(r => r.Path == path).Select(r => Encoding.Latin1.GetString(r.Body)).FirstOrDefault(matches) is { } body)
                    {
                        return body;
                    }
                }
                await Task.Delay(200);
            }
            return null;
        }

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }
}
