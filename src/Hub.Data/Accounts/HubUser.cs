using Microsoft.AspNetCore.Identity;

namespace Microsolidarity.Hub.Data.Accounts;

/// <summary>A person with an account. Profile details (the Self scale) come with the People feature.</summary>
public class HubUser : IdentityUser
{
    /// <summary>The name other people see; required at sign-up.</summary>
    [PersonalData]
    public string DisplayName { get; set; } = "";

    [PersonalData]
    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// Since when the person is a member of the network (it opens the members-only network call).
    /// Granted by hosts for now; contributions to the commons will grant it later.
    /// </summary>
    [PersonalData]
    public DateTime? NetworkMemberSince { get; set; }

    /// <summary>
    /// The language the person chose for the hub's pages and the emails it sends them (a culture name such as
    /// "pt-PT"). Sign-up sets it to the language of the page the person signed up on, so their first emails are in it;
    /// null for accounts made otherwise (the demo, the command line) until they choose, when pages follow their
    /// browser and emails are in English.
    /// </summary>
    [PersonalData]
    public string? Language { get; set; }

    /// <summary>True for the invented people of the demo community.</summary>
    public bool IsDemo { get; set; }
}
