"""PyInstaller hook for PyThaiNLP, replacing pyinstaller-hooks-contrib's one for a lean build.

The contrib hook bundles all of PyThaiNLP's corpus (63 MB: tagger models, Wikipedia titles,
WordNet …). DLA Drafter uses only the newmm word breaker with the default Thai word list
(line breaking, spelling): ``thai_words()`` reads ``corpus/words_th.txt``, and importing
``pythainlp.corpus`` reads ``corpus/stopwords_th.txt`` (found by watching the files a render
and a spelling check open). ``packaging/test_frozen.py`` proves the frozen program breaks
lines exactly as the unfrozen one. Hooks in ``packaging/hooks`` take precedence over
contrib's.

Line breaking does not import PyThaiNLP: ``dla_drafter/text/thaiwords.py`` reads
``corpus/words_th.txt`` by path, found with ``importlib.util.find_spec("pythainlp")`` (which
the frozen importer answers with ``_MEIPASS/pythainlp``), so the file must stay at
``pythainlp/corpus/`` in the bundle. The package itself is bundled because the window's
spell checker imports it.
"""

from PyInstaller.utils.hooks import collect_data_files

CORPUS_FILES = ("corpus/words_th.txt", "corpus/stopwords_th.txt")

datas = collect_data_files("pythainlp", includes=list(CORPUS_FILES))
