"""A real `stilte serve` over a fresh log with two imported takes, for the browser tests.

The recording is made here: espeak-ng says a refusal, sox adds four seconds of room-quiet
silence and a solution after it. `stilte import` measures it like any recording."""
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = "clinic-flatters.nl"
TRAINEES = ("anna", "bram")


def stilte_binary() -> Path:
    if os.environ.get("STILTE_BIN"):
        return Path(os.environ["STILTE_BIN"])
    bin_path = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, check=True,
                              capture_output=True, text=True).stdout.strip()
    return Path(bin_path) / "stilte"


def make_answer(directory: Path, tail: float = 0.5, name: str = "answer.wav") -> Path:
    """Refusal, 4 s of silence, solution, `tail` s of silence: 16 kHz mono WAV. Each trainee
    gets another tail: `stilte import` refuses a recording it already holds."""
    refusal, solution, answer = directory / "refusal.wav", directory / "solution.wav", directory / name
    subprocess.run(["espeak-ng", "-v", "nl", "-w", str(refusal), "Dank je. En ik ga het niet zelf doen."], check=True)
    subprocess.run(["espeak-ng", "-v", "nl", "-w", str(solution),
                    "We hebben iemand die de zorg van binnenuit kent. Die wil ik je graag voorstellen."], check=True)
    subprocess.run(["sox", str(refusal), "-r", "16000", "-c", "1", str(directory / "r16.wav"), "pad", "0.5", "4.0"], check=True)
    subprocess.run(["sox", str(solution), "-r", "16000", "-c", "1", str(directory / "s16.wav"), "pad", "0", str(tail)], check=True)
    subprocess.run(["sox", str(directory / "r16.wav"), str(directory / "s16.wav"), str(answer)], check=True)
    return answer


class Server:
    def __init__(self, binary: Path, home: Path, process: subprocess.Popen, url: str):
        self.binary, self.home, self.process, self.url = binary, home, process, url
        match = re.match(r"(http://[^/]+)/\?token=([0-9a-f]+)$", url)
        assert match, url
        self.origin, self.token = match.group(1), match.group(2)

    def stilte(self, *arguments: str) -> str:
        result = subprocess.run([str(self.binary), *arguments], env=self.env(), capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        return result.stdout

    def env(self) -> dict:
        return {**os.environ, "STILTE_HOME": str(self.home), "STILTE_REVIEWER": "trainer-test"}


@pytest.fixture(scope="session")
def server():
    binary = stilte_binary()
    assert binary.exists(), f"{binary}: build stilte first (swift build)"
    with tempfile.TemporaryDirectory(prefix="stilte-serve-") as tmp:
        directory = Path(tmp)
        home = directory / "home"
        env = {**os.environ, "STILTE_HOME": str(home), "STILTE_REVIEWER": "trainer-test"}
        for index, trainee in enumerate(TRAINEES):
            answer = make_answer(directory, tail=0.5 + 0.25 * index, name=f"answer-{trainee}.wav")
            subprocess.run([str(binary), "import", str(answer), "--trainee", trainee, "--scenario", SCENARIO],
                           env=env, check=True, capture_output=True, timeout=60)
        process = subprocess.Popen([str(binary), "serve", "--port", "0"], env=env, stdout=subprocess.PIPE,
                                   stderr=sys.stderr, text=True)
        deadline = time.monotonic() + 30
        url = None
        while time.monotonic() < deadline and url is None:
            line = process.stdout.readline()
            if not line and process.poll() is not None:
                break
            found = re.search(r"(http://\S+)", line)
            url = found.group(1) if found else None
        assert url, "stilte serve printed no address"
        try:
            yield Server(binary, home, process, url)
        finally:
            process.terminate()
            process.wait(timeout=10)
