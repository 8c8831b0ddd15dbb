namespace Microsolidarity.Hub.Data.Platform;

/// <summary>
/// A form's one-time token, recorded when the form is first submitted, so a second submit of the same
/// form (a double click, a reload of the POST) shows what the first did instead of doing it again.
/// </summary>
public class FormSubmission
{
    /// <summary>The random token rendered in the form.</summary>
    public string Token { get; set; } = "";

    /// <summary>Who submitted it; null for a visitor's form (signing up).</summary>
    public string? UserId { get; set; }

    public DateTime SubmittedAt { get; set; }

    /// <summary>Where the first submit led (its redirect); null while it is still running.</summary>
    public string? ResultUrl { get; set; }

    /// <summary>The notice the first submit showed, shown again to the second.</summary>
    public string? Notice { get; set; }
}
