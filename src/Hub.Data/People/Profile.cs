namespace Microsolidarity.Hub.Data.People;

/// <summary>Who may see one field of a profile.</summary>
public enum Visibility
{
    OnlyMe = 0,

    /// <summary>People who share a congregation or a crew with me.</summary>
    MyGroups = 1,

    Everyone = 2,
}

/// <summary>
/// The Self scale: how a person presents themselves, field by field, each with its own visibility.
/// Created on first edit; a person without one shows only their name.
/// </summary>
public class Profile
{
    public string UserId { get; set; } = "";

    public string Pronouns { get; set; } = "";
    public Visibility PronounsVisibility { get; set; } = Visibility.Everyone;

    public string Bio { get; set; } = "";
    public Visibility BioVisibility { get; set; } = Visibility.MyGroups;

    /// <summary>Interests and skills as comma-separated tags, as typed.</summary>
    public string Interests { get; set; } = "";
    public Visibility InterestsVisibility { get; set; } = Visibility.MyGroups;

    public string Skills { get; set; } = "";
    public Visibility SkillsVisibility { get; set; } = Visibility.MyGroups;

    public string Offers { get; set; } = "";
    public Visibility OffersVisibility { get; set; } = Visibility.MyGroups;

    public string Seeks { get; set; } = "";
    public Visibility SeeksVisibility { get; set; } = Visibility.MyGroups;

    public string Languages { get; set; } = "";
    public Visibility LanguagesVisibility { get; set; } = Visibility.MyGroups;

    public string City { get; set; } = "";
    public Visibility CityVisibility { get; set; } = Visibility.OnlyMe;

    /// <summary>An IANA zone; times are shown to the person in it.</summary>
    public string TimeZone { get; set; } = "";
    public Visibility TimeZoneVisibility { get; set; } = Visibility.MyGroups;

    /// <summary>
    /// The weekly availability grid in the person's own zone: 168 characters, '1' for a free hour,
    /// Monday 00:00 first. Kept in local time because "Tuesday evening" means local evenings.
    /// </summary>
    public string Availability { get; set; } = new('0', 168);
    public Visibility AvailabilityVisibility { get; set; } = Visibility.MyGroups;

    /// <summary>The file name of the photo under the data folder's photos/, re-encoded by the hub (no camera metadata); empty for none.</summary>
    public string PhotoFile { get; set; } = "";
    public Visibility PhotoVisibility { get; set; } = Visibility.MyGroups;

    public DateTime UpdatedAt { get; set; }
}
