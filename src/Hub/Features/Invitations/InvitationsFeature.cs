using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Invitations;

/// <summary>
/// Invitations to a crew or a dyad for an address without an account, and the account a person
/// makes from any emailed invitation (a congregation's too).
/// </summary>
public static class InvitationsFeature
{
    /// <summary>How long an emailed invitation to a crew or a dyad works; as long as a congregation's.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public static WebApplicationBuilder AddInvitations(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SendEmailInvitation>();
        builder.Services.AddScoped<AcceptEmailInvitation>();
        builder.Services.AddScoped<CreateInvitedAccount>();
        builder.Services.AddScoped<IPersonalData, InvitationPersonalData>();
        return builder;
    }

    /// <summary>Addresses compare the way Identity compares them (its normalizer upper-cases invariantly).</summary>
    public static string Normalize(string email) => email.Trim().ToUpperInvariant();

    public static bool SameAddress(string? a, string? b) =>
        a is not null && b is not null && Normalize(a) == Normalize(b);

    /// <summary>
    /// What someone signed in with another address reads on an invitation: that it is not theirs and
    /// whom to ask. It does not repeat the invited address, and offers nothing to take.
    /// </summary>
    public static string ForSomeoneElse(string inviterName, Microsoft.Extensions.Localization.IStringLocalizer strings) =>
        strings["Invitations.ForSomeoneElse", inviterName];

    /// <summary>The same, in English, for pages not yet localised.</summary>
    public static string ForSomeoneElse(string inviterName) =>
        $"This invitation was sent to another address than the one you are signed in with. If it is meant for you, ask {inviterName}, who invited you, to invite the address of your account.";
}
