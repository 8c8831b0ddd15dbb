using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microsolidarity.Hub.Tests.Features.Commons;

/// <summary>
/// A Stripe-compatible API on loopback for the two calls the hub makes (create a Checkout session, read
/// one back), so tests pay without reaching the internet. Sessions are kept as Stripe would return them;
/// <see cref="Pay"/> is the person paying on Stripe's page. It also writes the webhook events Stripe
/// would send, signed with the test secret, for the hub to verify.
/// </summary>
public sealed class LocalStripe : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, JsonObject> sessions = new();

    private LocalStripe(WebApplication app) => this.app = app;

    public string BaseUrl { get; private set; } = "";

    public static async Task<LocalStripe> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var stripe = new LocalStripe(builder.Build());
        stripe.app.MapPost("/v1/checkout/sessions", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            var id = "cs_test_" + Guid.NewGuid().ToString("N");
            var metadata = new JsonObject();
            foreach (var field in form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal)))
            {
                metadata[field.Key["metadata[".Length..^1]] = field.Value.ToString();
            }
            var session = new JsonObject
            {
                ["id"] = id,
                ["object"] = "checkout.session",
                ["amount_total"] = long.Parse(form["line_items[0][price_data][unit_amount]"]!, System.Globalization.CultureInfo.InvariantCulture),
                ["currency"] = form["line_items[0][price_data][currency]"].ToString(),
                ["mode"] = form["mode"].ToString(),
                ["customer_email"] = form["customer_email"].ToString(),
                ["client_reference_id"] = form["client_reference_id"].ToString(),
                ["success_url"] = form["success_url"].ToString(),
                ["cancel_url"] = form["cancel_url"].ToString(),
                ["metadata"] = metadata,
                ["payment_status"] = "unpaid",
                ["status"] = "open",
                ["payment_intent"] = null,
                ["url"] = $"https://checkout.stripe.test/c/pay/{id}",
            };
            stripe.sessions[id] = session;
            return Results.Text(session.ToJsonString(), "application/json");
        });
        stripe.app.MapGet("/v1/checkout/sessions/{id}", (string id) => stripe.sessions.TryGetValue(id, out var session)
            ? Results.Text(session.ToJsonString(), "application/json")
            : Results.Text("""{"error":{"type":"invalid_request_error","code":"resource_missing","message":"No such checkout.session"}}""", "application/json", statusCode: 404));
        await stripe.app.StartAsync();
        stripe.BaseUrl = stripe.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return stripe;
    }

    /// <summary>The session the hub created with the address it sent the person to.</summary>
    public JsonObject SessionAt(string checkoutUrl) => sessions[checkoutUrl[(checkoutUrl.LastIndexOf('/') + 1)..]];

    /// <summary>The person pays on Stripe's page: the session is complete, with a payment intent; returns its id.</summary>
    public string Pay(JsonObject session)
    {
        session["payment_status"] = "paid";
        session["status"] = "complete";
        session["payment_intent"] = "pi_test_" + Guid.NewGuid().ToString("N");
        return (string)session["payment_intent"]!;
    }

    public static string Event(string type, JsonObject data) => new JsonObject
    {
        ["id"] = "evt_test_" + Guid.NewGuid().ToString("N"),
        ["object"] = "event",
        ["api_version"] = Stripe.StripeConfiguration.ApiVersion,
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
        ["type"] = type,
        ["data"] = new JsonObject { ["object"] = JsonNode.Parse(data.ToJsonString()) },
    }.ToJsonString();

    /// <summary>Stripe's charge.refunded for a payment intent: the total refunded so far.</summary>
    public static string Refunded(string paymentIntent, long amount, long refunded, string currency) => Event("charge.refunded", new JsonObject
    {
        ["id"] = "ch_test_" + paymentIntent["pi_test_".Length..],
        ["object"] = "charge",
        ["amount"] = amount,
        ["amount_refunded"] = refunded,
        ["currency"] = currency,
        ["paid"] = true,
        ["refunded"] = refunded >= amount,
        ["payment_intent"] = paymentIntent,
        ["status"] = "succeeded",
    });

    /// <summary>The Stripe-Signature header for a payload, as Stripe computes it.</summary>
    public static string Sign(string payload, string secret)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return $"t={timestamp},v1={Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{timestamp}.{payload}")))}";
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
