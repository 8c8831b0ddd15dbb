using System.Globalization;

namespace Microsolidarity.Hub.Platform.Localization;

/// <summary>
/// The one way a message is written in its recipient's language, not its sender's. Around everything said to one
/// person (a notice's title, an email's subject, paragraphs, dates and frame):
/// <code>using (RecipientLanguage.Of(person.Language)) { ... strings["Email.X"] ..., templates.Compose(...) }</code>
/// The scope sets the UI culture (what <c>IStringLocalizer</c>, <see cref="Plurals"/> and <see cref="DateFormats"/>
/// read) and marks it as the recipient's, so <c>EmailTemplates.Compose</c> frames the message in it too; on dispose
/// the request's (or job's) culture comes back. It works the same in a request and in a background job, where
/// there is no request: only the recipient's saved language counts there.
/// </summary>
public static class RecipientLanguage
{
    private static readonly AsyncLocal<CultureInfo?> Recipient = new();

    /// <summary>The culture of the recipient being written to; null outside a scope.</summary>
    public static CultureInfo? Current => Recipient.Value;

    /// <summary>A person with an account: their saved language, else English (never the sender's).</summary>
    public static Scope Of(string? savedLanguage) => new(Languages.ForRecipient(savedLanguage));

    /// <summary>
    /// Someone writing to the hub for themselves in this very request (signing up, asking for a reset link,
    /// subscribing to the newsletter): their saved language when they have one, else the language this request
    /// is in (the page they were reading), else English. Also for an invitation to an address with no account: the
    /// inviter's language is the only clue there is to what a friend they invite reads.
    /// </summary>
    public static Scope OfRequester(string? savedLanguage = null) => new(Languages.Normalize(savedLanguage) is { } saved
        ? Languages.CultureOf(saved) : OfThisRequest());

    /// <summary>The request's language when it is a shipped one (never the pseudo-locale), else English.</summary>
    public static CultureInfo OfThisRequest() =>
        Languages.CultureOf(Languages.Normalize(CultureInfo.CurrentUICulture.Name) ?? Languages.English);

    /// <summary>Restores the culture and the recipient of before on dispose; scopes nest.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly CultureInfo before;
        private readonly CultureInfo? recipientBefore;

        internal Scope(CultureInfo culture)
        {
            (before, recipientBefore) = (CultureInfo.CurrentUICulture, Recipient.Value);
            CultureInfo.CurrentUICulture = culture;
            Recipient.Value = culture;
            Culture = culture;
        }

        public CultureInfo Culture { get; }

        public void Dispose()
        {
            if (before is null)
            {
                return; // default(Scope): nothing was set
            }
            CultureInfo.CurrentUICulture = before;
            Recipient.Value = recipientBefore;
        }
    }
}
