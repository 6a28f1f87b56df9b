namespace PosLoyalty.Host.Tests.Panel;

/// <summary>A test that drives the real executable in tmux; skipped, saying why, only where tmux cannot run.</summary>
public sealed class TmuxFactAttribute : FactAttribute
{
    public TmuxFactAttribute()
    {
        if (!Tmux.IsAvailable)
        {
            Skip = "tmux is not installed (apt-get install -y tmux; .ci/run installs it)";
        }
    }
}
