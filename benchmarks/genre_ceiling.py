"""How far lyrics content without language, and a classifier that has seen the labels, take songs-en-de's genre
NMI on a run's musicnn latents (docs/quality.md, "songs-en-de in detail").

    /usr/bin/python3 benchmarks/genre_ceiling.py RESULTS_DIR ../shared/data/songs-en-de/songs.csv

RESULTS_DIR is a `./musicluster run --out` folder (it reads latents/musicnn.npy and its ids). Needs Debian's
python3-sklearn. A measurement, not a test: labels never feed the product's clustering.
"""
import csv
import re
import sys

import numpy as np
from sklearn.cluster import AgglomerativeClustering, KMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import normalized_mutual_info_score as nmi
from sklearn.model_selection import StratifiedKFold, cross_val_predict

results, songs_csv = sys.argv[1], sys.argv[2]
rows = {r['id']: r for r in csv.DictReader(open(songs_csv, encoding='utf-8'))}
ids = [line.strip() for line in open(f'{results}/latents/musicnn.ids.txt')]
audio = np.load(f'{results}/latents/musicnn.npy')
genre = np.array([rows[i]['genre'] for i in ids])
language = np.array([rows[i]['language'] for i in ids])
texts = [rows[i]['lyrics'].lower() for i in ids]


def projected(tfidf, dimension=256, seed=1):
    signs = np.random.default_rng(seed).choice([-1.0, 1.0], size=(tfidf.shape[1], dimension))
    values = tfidf @ signs
    return values / np.linalg.norm(values, axis=1, keepdims=True)


def centred_per_language(values):
    values = values.copy()
    for each in set(language):
        values[language == each] -= values[language == each].mean(0)
    return values


def statistics(text):
    lines = [line for line in text.split('\n') if line.strip()]
    words = re.findall(r'\w+', text)
    return [np.log1p(len(words)), len(set(words)) / max(len(words), 1),
            np.mean([len(re.findall(r'\w+', line)) for line in lines]) if lines else 0,
            1 - len(set(lines)) / max(len(lines), 1), np.log1p(len(lines)),
            np.mean([len(w) for w in words]) if words else 0]


def row(name, values):
    cells = []
    for k in (3, 4, 5, 6, 8):
        ward = AgglomerativeClustering(n_clusters=k).fit_predict(values)
        kmeans = KMeans(k, n_init=10, random_state=0).fit_predict(values)
        cells.append(f'k{k} W{nmi(genre, ward):.3f}/K{nmi(genre, kmeans):.3f} lang {nmi(language, ward):.2f}')
    print(f'{name:28s}', '  '.join(cells))


def norm(values):
    return np.sqrt((values ** 2).sum(1).mean())


char = projected(TfidfVectorizer(analyzer='char', ngram_range=(1, 3), sublinear_tf=True).fit_transform(texts).toarray())
word = projected(TfidfVectorizer(analyzer='word', sublinear_tf=True, min_df=2).fit_transform(texts).toarray())
stats = np.array([statistics(t) for t in texts])
stats = (stats - stats.mean(0)) / stats.std(0)
row('musicnn', audio)
for name, content in (('char', char), ('char centred', centred_per_language(char)),
                      ('word', word), ('word centred', centred_per_language(word))):
    for weight in (0.5, 1.0, 1.5):
        row(f'+ {name} x{weight}', np.hstack([audio / norm(audio), weight * content / norm(content)]))
for weight in (1, 2, 4, 6, 8):
    row(f'+ statistics x{weight}', np.hstack([audio, weight * stats]))

pooled = np.where(np.isin(genre, ['rock', 'pop', 'rap']), genre, 'other')
folds = StratifiedKFold(5, shuffle=True, random_state=0)
for name, values in (('musicnn', audio), ('musicnn + char', np.hstack([audio / norm(audio), char]))):
    for c in (0.01, 0.1, 1.0):
        predicted = cross_val_predict(LogisticRegression(max_iter=3000, C=c), values, pooled, cv=folds)
        print(f'supervised {name}, C={c}: accuracy {np.mean(predicted == pooled):.3f}, '
              f'NMI of the predicted partition {nmi(genre, predicted):.3f}')
