import {buildFeeds} from '../scripts/lib/build-feeds.ts';
import {testConfig} from './helpers/config.ts';
const config = testConfig();
const a: any = {source:'a.md',format:'markdown',title:'',slug:'a',id:'tag:x,2020:a',date:'2020-01-02T10:00:00.000Z',authors:['<b>'],summary:'<b>',excerpt:'',tags:['<b>'],corrections:[],path:'2020/01/a/',html:'<p>&#x3C;b></p>',feedHtml:'<p>&#x3C;b></p>',assets:[],draft:false};
for (const f of buildFeeds({title:'Site ', description:'<b>', home:'', paths:{rss:'feed.xml',atom:'atom.xml',json:'feed.json'}, id: config.idBase, articles:[a]}, config)) console.log((f as any).contents);
