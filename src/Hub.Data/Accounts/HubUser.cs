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

    /// <summary>True for the invented people of the demo community.</summary>
    public bool IsDemo { get; set; }
}
