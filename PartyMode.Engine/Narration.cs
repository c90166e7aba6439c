using PartyMode.Engine.Visibility;

namespace PartyMode.Engine;

/// <summary>Small rules shared by narration and rolls.</summary>
internal static class Narration
{
    /// <summary>The roll visibility word of an audience.</summary>
    public static string VisibilityOf(Audience audience) => audience.Kind switch
    {
        AudienceKind.Public => "public",
        AudienceKind.Party => "party",
        AudienceKind.Players => "private",
        _ => "dm",
    };
}
