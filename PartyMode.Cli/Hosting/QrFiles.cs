using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Hosting;

/// <summary>The owner-only PNG QR codes in DATA/qr/ (they carry tokens).</summary>
internal static class QrFiles
{
    public static void WriteAll(ServerState state)
    {
        DataFolder.CreatePrivateDirectory(state.Folder.QrFolder);
        foreach (var seat in state.Game.Seats())
        {
            if (seat.Role == Role.Dm)
            {
                continue;
            }

            if (seat.Kicked)
            {
                Delete(state, seat.Id);
            }
            else
            {
                Write(state, seat.Id);
            }
        }
    }

    public static void Write(ServerState state, string seatId)
    {
        DataFolder.CreatePrivateDirectory(state.Folder.QrFolder);
        DataFolder.WritePrivateFile(state.QrPath(seatId), QrCodes.RenderPng(state.JoinUrl(seatId)));
    }

    public static void Delete(ServerState state, string seatId) => File.Delete(state.QrPath(seatId));
}
