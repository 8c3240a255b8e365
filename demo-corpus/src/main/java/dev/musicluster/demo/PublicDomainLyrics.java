package dev.musicluster.demo;

import java.util.List;
import java.util.Map;

/**
 * Public-domain verse in the six languages of the demo corpus: poems and songs whose authors died long enough ago
 * (or that are traditional) for the texts to be free everywhere. Sources are named beside each passage.
 */
public final class PublicDomainLyrics {

    public static final List<String> LANGUAGES = List.of("bn", "en", "hi", "ko", "ja", "es");

    private static final Map<String, List<String>> PASSAGES = Map.of(
            "bn", List.of(
                    // Rabindranath Tagore (1861-1941), "Amar Shonar Bangla" (1905)
                    "আমার সোনার বাংলা, আমি তোমায় ভালোবাসি।\nচিরদিন তোমার আকাশ, তোমার বাতাস, আমার প্রাণে\nও মা, আমার প্রাণে বাজায় বাঁশি।\nসোনার বাংলা, আমি তোমায় ভালোবাসি।",
                    // Tagore, "Ekla Chalo Re" (1905)
                    "যদি তোর ডাক শুনে কেউ না আসে তবে একলা চলো রে।\nএকলা চলো, একলা চলো, একলা চলো, একলা চলো রে।",
                    // Tagore, "Bharoto Bhagyo Bidhata" (1911)
                    "জনগণমন-অধিনায়ক জয় হে ভারতভাগ্যবিধাতা!\nপঞ্জাব সিন্ধু গুজরাট মরাঠা দ্রাবিড় উৎকল বঙ্গ\nবিন্ধ্য হিমাচল যমুনা গঙ্গা উচ্ছলজলধিতরঙ্গ\nতব শুভ নামে জাগে, তব শুভ আশিস মাগে,\nগাহে তব জয়গাথা।",
                    // Tagore, "Chitto jetha bhoyshunyo" (Naibedya, 1901)
                    "চিত্ত যেথা ভয়শূন্য, উচ্চ যেথা শির,\nজ্ঞান যেথা মুক্ত, যেথা গৃহের প্রাচীর\nআপন প্রাঙ্গণতলে দিবসশর্বরী\nবসুধারে রাখে নাই খণ্ড ক্ষুদ্র করি,",
                    // Tagore, "Aji jhorer rate tomar abhisar"
                    "আজি ঝড়ের রাতে তোমার অভিসার\nপরানসখা বন্ধু হে আমার।\nআকাশ কাঁদে হতাশ-সম,\nনাই যে ঘুম নয়নে মম,"),
            "en", List.of(
                    // William Blake (1757-1827), "The Tyger" (1794)
                    "Tyger Tyger, burning bright,\nIn the forests of the night;\nWhat immortal hand or eye,\nCould frame thy fearful symmetry?",
                    // Jane Taylor (1783-1824), "The Star" (1806)
                    "Twinkle, twinkle, little star,\nHow I wonder what you are!\nUp above the world so high,\nLike a diamond in the sky.",
                    // William Shakespeare (1564-1616), Sonnet 18
                    "Shall I compare thee to a summer's day?\nThou art more lovely and more temperate:\nRough winds do shake the darling buds of May,\nAnd summer's lease hath all too short a date;",
                    // Robert Burns (1759-1796), "Auld Lang Syne" (1788)
                    "Should auld acquaintance be forgot,\nAnd never brought to mind?\nShould auld acquaintance be forgot,\nAnd auld lang syne?",
                    // William Wordsworth (1770-1850), "I Wandered Lonely as a Cloud" (1807)
                    "I wandered lonely as a cloud\nThat floats on high o'er vales and hills,\nWhen all at once I saw a crowd,\nA host, of golden daffodils;"),
            "hi", List.of(
                    // Kabir (15th century), dohe
                    "बुरा जो देखन मैं चला, बुरा न मिलिया कोय।\nजो दिल खोजा आपना, मुझसे बुरा न कोय॥",
                    "पोथी पढ़ि पढ़ि जग मुआ, पंडित भया न कोय।\nढाई आखर प्रेम का, पढ़े सो पंडित होय॥",
                    "धीरे-धीरे रे मना, धीरे सब कुछ होय।\nमाली सींचे सौ घड़ा, ऋतु आए फल होय॥",
                    "साईं इतना दीजिए, जा में कुटुम समाय।\nमैं भी भूखा न रहूँ, साधु न भूखा जाय॥",
                    "काल करे सो आज कर, आज करे सो अब।\nपल में परलय होएगी, बहुरि करेगा कब॥"),
            "ko", List.of(
                    // "Arirang", traditional folk song
                    "아리랑 아리랑 아라리요\n아리랑 고개로 넘어간다\n나를 버리고 가시는 님은\n십 리도 못 가서 발병 난다",
                    // Kim Sowol (1902-1934), "Azaleas" (1925)
                    "나 보기가 역겨워\n가실 때에는\n말없이 고이 보내 드리우리다\n영변에 약산\n진달래꽃\n아름 따다 가실 길에 뿌리우리다",
                    "가시는 걸음걸음\n놓인 그 꽃을\n사뿐히 즈려밟고 가시옵소서\n나 보기가 역겨워\n가실 때에는\n죽어도 아니 눈물 흘리우리다",
                    // Kim Sowol, "Mother, Sister" (1922)
                    "엄마야 누나야 강변 살자\n뜰에는 반짝이는 금모래 빛\n뒷문 밖에는 갈잎의 노래\n엄마야 누나야 강변 살자",
                    // Yun Dong-ju (1917-1945), "Prologue" (1941)
                    "죽는 날까지 하늘을 우러러\n한 점 부끄럼이 없기를,\n잎새에 이는 바람에도\n나는 괴로워했다."),
            "ja", List.of(
                    // "Iroha", Heian-period poem
                    "いろはにほへと ちりぬるを\nわかよたれそ つねならむ\nうゐのおくやま けふこえて\nあさきゆめみし ゑひもせす",
                    // "Sakura Sakura", traditional
                    "さくら さくら\nやよいの空は 見わたす限り\nかすみか雲か 匂いぞ出ずる\nいざや いざや 見にゆかん",
                    // Miyazawa Kenji (1896-1933), "Ame ni mo makezu" (1931)
                    "雨ニモマケズ\n風ニモマケズ\n雪ニモ夏ノ暑サニモマケヌ\n丈夫ナカラダヲモチ\n慾ハナク\n決シテ瞋ラズ\nイツモシヅカニワラッテヰル",
                    // Matsuo Basho (1644-1694), haiku
                    "古池や\n蛙飛び込む\n水の音\n閑さや\n岩にしみ入る\n蝉の声\n夏草や\n兵どもが\n夢の跡",
                    // Kokin Wakashu (905), poem 343
                    "君が代は\n千代に八千代に\nさざれ石の\n巌となりて\n苔のむすまで"),
            "es", List.of(
                    // Gustavo Adolfo Bécquer (1836-1870), Rima XXI
                    "¿Qué es poesía?, dices mientras clavas\nen mi pupila tu pupila azul.\n¿Qué es poesía? ¿Y tú me lo preguntas?\nPoesía... eres tú.",
                    // Bécquer, Rima LIII
                    "Volverán las oscuras golondrinas\nen tu balcón sus nidos a colgar,\ny otra vez con el ala a sus cristales\njugando llamarán.",
                    // Bécquer, Rima XXIII
                    "Por una mirada, un mundo;\npor una sonrisa, un cielo;\npor un beso... ¡yo no sé\nqué te diera por un beso!",
                    // Antonio Machado (1875-1939), "Proverbios y cantares" XXIX
                    "Caminante, son tus huellas\nel camino y nada más;\ncaminante, no hay camino,\nse hace camino al andar.",
                    // Rubén Darío (1867-1916), "Canción de otoño en primavera"
                    "Juventud, divino tesoro,\n¡ya te vas para no volver!\nCuando quiero llorar, no lloro...\ny a veces lloro sin querer..."));

    private PublicDomainLyrics() {
    }

    public static List<String> passages(String language) {
        List<String> passages = PASSAGES.get(language);
        if (passages == null) {
            throw new IllegalArgumentException("no public-domain lyrics for language " + language + "; have " + LANGUAGES);
        }
        return passages;
    }
}
