using System.ComponentModel.DataAnnotations;
using Microsolidarity.Hub.Platform.Background;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>Settings under <c>Commons:</c>.</summary>
public sealed class CommonsOptions
{
    public const string Section = "Commons";

    /// <summary>
    /// The smallest monthly contribution that makes someone a network member, per currency (no
    /// exchange rates: a currency not listed here does not count towards membership).
    /// </summary>
    public Dictionary<string, decimal> MonthlyMinimum { get; set; } = new() { ["EUR"] = 3m, ["USD"] = 3m };

    /// <summary>Days after a paid month ends before the membership lapses: a late transfer is not a goodbye.</summary>
    public int GraceDays { get; set; } = 7;

    /// <summary>The share of a positive event surplus booked to the commons (0.10 = 10%).</summary>
    public decimal SurplusShare { get; set; } = 0.10m;

    /// <summary>How often the hub looks for lapsed memberships.</summary>
    [Range(typeof(TimeSpan), PeriodicJob.ShortestInterval, PeriodicJob.LongestInterval,
        ErrorMessage = "Commons:LapseCheckInterval" + PeriodicJob.IntervalRule)]
    public TimeSpan LapseCheckInterval { get; set; } = TimeSpan.FromHours(1);

    public StripeOptions Stripe { get; set; } = new();

    public long? MinimumMinor(string currency) =>
        MonthlyMinimum.TryGetValue(currency, out var amount) ? Money.ToMinor(amount) : null;
}

/// <summary>Stripe Checkout is off unless both keys are set (from configuration or the environment, never git).</summary>
public sealed class StripeOptions
{
    public string? SecretKey { get; set; }
    public string? WebhookSecret { get; set; }

    /// <summary>Another address for Stripe's API: a Stripe-compatible server such as stripe-mock, for tests. Empty for Stripe itself.</summary>
    public string? ApiBase { get; set; }
    public bool IsConfigured => !string.IsNullOrWhiteSpace(SecretKey) && !string.IsNullOrWhiteSpace(WebhookSecret);
}
